import type { Actor } from '@nhi/auth';
import { TOPICS, type IdentitySnapshot } from '@nhi/contracts';
import { subgraphSpec, type KafkaTopicTap, type SubgraphSpec, type SubgraphSpecOptions, type SubgraphUnderTest } from '@nhi/testing';
import { bootstrap } from '../../src/main';

export const REQUESTER: Actor = { sub: 'rita-requester', roles: ['owner', 'security-admin'], ownerRefs: [] };
export const APPROVER: Actor = { sub: 'sam-approver', roles: ['security-admin'], ownerRefs: [] };
export const VIEWER: Actor = { sub: 'val-viewer', roles: ['viewer'], ownerRefs: [] };

export interface ExceptionView {
  id: string;
  identityId: string;
  control: string;
  status: string;
  requestedBy: string;
  decidedBy: string | null;
  decisionNote: string | null;
  expiresAt: string;
  groupId: string | null;
  renewsId: string | null;
  history: Array<{ action: string; status: string; actor: string; note: string | null }>;
}

export const EXCEPTION_FIELDS =
  'id identityId control status requestedBy decidedBy decisionNote expiresAt groupId renewsId history { action status actor note }';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** Calls the exceptions subgraph as the gateway would, and feeds it identities the way inventory does. */
export class ExceptionsClient {
  constructor(private readonly spec: SubgraphSpec) {}

  /** Read at each call: a client is made when the suite is declared, before beforeAll starts the subgraph. */
  get exceptions(): SubgraphUnderTest {
    return this.spec.subgraph;
  }

  get tap(): KafkaTopicTap {
    return this.spec.tap;
  }

  discovered(overrides: Partial<IdentitySnapshot> = {}): Promise<string> {
    return this.exceptions.discover('known_identities', overrides);
  }

  request(input: Record<string, unknown>, actor: Actor = REQUESTER) {
    return this.exceptions.query<{ requestException: ExceptionView }>(
      `mutation($input: ExceptionRequestInput!) { requestException(input: $input) { ${EXCEPTION_FIELDS} } }`,
      { input: { control: 'ROTATION', justification: 'vendor cannot rotate before the Q3 release', expiresAt: inDays(30), ...input } },
      actor,
    );
  }

  /** A request that must succeed; returns the exception. */
  async requested(input: Record<string, unknown>, actor: Actor = REQUESTER): Promise<ExceptionView> {
    const result = await this.request(input, actor);
    if (!result.data?.requestException) throw new Error(`request refused: ${JSON.stringify(result.errors)}`);
    return result.data.requestException;
  }

  decide(verb: 'approve' | 'reject' | 'revoke', id: string, note: string | null, actor: Actor = APPROVER) {
    const noteArg = verb === 'revoke' ? 'reason' : 'note';
    const field = `${verb}Exception`;
    return this.exceptions.query<Record<string, ExceptionView>>(
      `mutation($id: ID!, $note: String${verb === 'approve' ? '' : '!'}) { ${field}(id: $id, ${noteArg}: $note) { ${EXCEPTION_FIELDS} } }`,
      { id, note },
      actor,
    );
  }

  async exception(id: string): Promise<ExceptionView> {
    const result = await this.exceptions.query<{ exception: ExceptionView }>(
      `query($id: ID!) { exception(id: $id) { ${EXCEPTION_FIELDS} } }`,
      { id },
    );
    return result.data!.exception;
  }

  /** Events about an identity on nhi.exceptions.events.v1, oldest first. */
  eventsAbout(identityId: string) {
    return this.tap.eventsAbout<Record<string, unknown>>(this.exceptions.topic(TOPICS.exceptionsEvents), identityId);
  }
}

/**
 * Runs exceptions for one spec file on the shared harness, its events topic
 * always tapped (what eventsAbout reads), with the spec's own env and topics.
 */
export function exceptionsSpec(label: string, options: SubgraphSpecOptions = {}): { client: ExceptionsClient } {
  const spec = subgraphSpec(label, bootstrap, { ...options, tap: [TOPICS.exceptionsEvents, ...(options.tap ?? [])] });
  return { client: new ExceptionsClient(spec) };
}

export { inDays };
