import type { Actor } from '@nhi/auth';
import { TOPICS, type IdentitySnapshot } from '@nhi/contracts';
import { KafkaTopicTap, SubgraphUnderTest, testKafkaBrokers } from '@nhi/testing';
import { bootstrap } from '../main';

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
  constructor(
    readonly exceptions: SubgraphUnderTest,
    readonly tap: KafkaTopicTap,
  ) {}

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
 * Runs exceptions for one spec file: started in beforeAll (its own database
 * and topic prefix), stopped in afterAll.
 */
export function exceptionsSpec(label: string, env: Record<string, string> = {}): { client: ExceptionsClient } {
  const spec = {} as { client: ExceptionsClient };
  let subgraph: SubgraphUnderTest | undefined;
  let tap: KafkaTopicTap | undefined;
  beforeAll(async () => {
    subgraph = await SubgraphUnderTest.start(label, bootstrap, env);
    tap = await KafkaTopicTap.start(testKafkaBrokers(), [subgraph.topic(TOPICS.exceptionsEvents)]);
    spec.client = new ExceptionsClient(subgraph, tap);
  });
  afterAll(async () => {
    await tap?.stop();
    await subgraph?.stop();
  });
  return spec;
}

export { inDays };
