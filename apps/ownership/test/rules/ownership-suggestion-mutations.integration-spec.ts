import { randomUUID } from 'node:crypto';
import { waitFor } from '@nhi/testing';
import { ownershipSpec } from '../support/ownership-spec';
import { uniqueNames } from '../support/unique-names';
import type { UserError } from '@nhi/testing';

const spec = ownershipSpec('ownership-suggestion-mutations');
const unique = uniqueNames();

interface RuleCreatePayload {
  ownershipRule: { id: string; name: string; confidence: number; owner: { externalRef: string } | null } | null;
  userErrors: UserError[];
  clientMutationId: string | null;
}
interface SuggestionPayload {
  ownershipSuggestion: { id: string; status: string; decidedBy: string | null; owner: { externalRef: string } | null } | null;
  userErrors: UserError[];
  clientMutationId: string | null;
}

const PAYLOADS: Record<string, [string, string]> = {
  ownershipRuleCreate: ['OwnershipRuleCreateInput', 'ownershipRule { id name confidence owner { externalRef } }'],
  ownershipSuggestionAccept: ['OwnershipSuggestionAcceptInput', 'ownershipSuggestion { id status decidedBy owner { externalRef } }'],
  ownershipSuggestionReject: ['OwnershipSuggestionRejectInput', 'ownershipSuggestion { id status decidedBy owner { externalRef } }'],
};

async function call<P>(mutation: string, input: Record<string, unknown>): Promise<P> {
  const [inputType, fields] = PAYLOADS[mutation]!;
  const result = await spec.subgraph.query<Record<string, P | null>>(
    `mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${fields} userErrors { field message code } clientMutationId } }`,
    { input },
  );
  expect(result.errors).toBeUndefined();
  return result.data![mutation]!;
}

const createRule = (input: Record<string, unknown>) => call<RuleCreatePayload>('ownershipRuleCreate', input);
const accept = (input: Record<string, unknown>) => call<SuggestionPayload>('ownershipSuggestionAccept', input);
const reject = (input: Record<string, unknown>) => call<SuggestionPayload>('ownershipSuggestionReject', input);

const team = (label: string) => spec.client.owner({ externalRef: unique(label), kind: 'TEAM', name: label });

/** A PENDING suggestion for a new identity, left by a suggest-only rule. */
async function pendingSuggestion(ownerId: string): Promise<{ identityId: string; id: string }> {
  const system = unique('crm');
  await createRule({ name: 'crm hint', ownerId, system, mode: 'SUGGEST' });
  const identityId = await spec.client.discovered({ system });
  const id = await waitFor(async () => {
    const rows = await spec.subgraph.sql<{ id: string }>(
      "SELECT id FROM ownership_suggestions WHERE identity_id = $1 AND status = 'PENDING'",
      [identityId],
    );
    return rows[0]?.id;
  });
  return { identityId, id };
}

describe('ownershipSuggestionAccept and ownershipSuggestionReject', () => {
  it('accepts a suggestion, then refuses to decide it again as a CONFLICT', async () => {
    const owner = await team('crm');
    const { identityId, id } = await pendingSuggestion(owner.id);

    const accepted = await accept({ id, clientMutationId: 's-1' });
    expect(accepted).toMatchObject({
      userErrors: [],
      clientMutationId: 's-1',
      ownershipSuggestion: { id, status: 'ACCEPTED', decidedBy: 'test-admin', owner: { externalRef: owner.externalRef } },
    });
    expect(await spec.client.identity(identityId)).toMatchObject({ ownershipStatus: 'OWNED', owner: { externalRef: owner.externalRef } });

    const twice = await accept({ id });
    const late = await reject({ id });
    for (const refused of [twice, late]) {
      expect(refused).toMatchObject({ ownershipSuggestion: null, userErrors: [{ code: 'CONFLICT', field: ['id'] }] });
      expect(refused.userErrors[0]?.message).not.toContain(id);
    }
  });

  it('rejects a suggestion and refuses an unknown one as NOT_FOUND', async () => {
    const owner = await team('crm');
    const { id } = await pendingSuggestion(owner.id);

    expect(await reject({ id })).toMatchObject({ userErrors: [], ownershipSuggestion: { id, status: 'REJECTED' } });
    const unknown = await reject({ id: randomUUID() });
    expect(unknown).toMatchObject({ ownershipSuggestion: null, userErrors: [{ code: 'NOT_FOUND', field: ['id'] }] });
  });
});

describe('the deprecated flat-argument forms', () => {
  it('still answer, with the old error codes', async () => {
    const owner = await team('legacy');
    const { id } = await pendingSuggestion(owner.id);
    const rejected = await spec.subgraph.query<{ rejectSuggestion: { status: string } }>(
      'mutation($id: ID!) { rejectSuggestion(id: $id) { status } }',
      { id },
    );
    expect(rejected.data?.rejectSuggestion.status).toBe('REJECTED');
    const acceptedLate = await spec.subgraph.query('mutation($id: ID!) { acceptSuggestion(id: $id) { status } }', { id });
    expect(acceptedLate.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});
