import { randomUUID } from 'node:crypto';
import { ownershipSpec } from '../support/ownership-spec';
import { uniqueNames } from '../support/unique-names';
import type { UserError } from '@nhi/testing';

const spec = ownershipSpec('ownership-rule-mutations');
const unique = uniqueNames();

interface RuleCreatePayload {
  ownershipRule: { id: string; name: string; confidence: number; owner: { externalRef: string } | null } | null;
  userErrors: UserError[];
  clientMutationId: string | null;
}
interface RuleDeletePayload {
  deletedOwnershipRuleId: string | null;
  userErrors: UserError[];
  clientMutationId: string | null;
}

const PAYLOADS: Record<string, [string, string]> = {
  ownershipRuleCreate: ['OwnershipRuleCreateInput', 'ownershipRule { id name confidence owner { externalRef } }'],
  ownershipRuleDelete: ['OwnershipRuleDeleteInput', 'deletedOwnershipRuleId'],
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
const deleteRule = (input: Record<string, unknown>) => call<RuleDeletePayload>('ownershipRuleDelete', input);

const team = (label: string) => spec.client.owner({ externalRef: unique(label), kind: 'TEAM', name: label });

describe('ownershipRuleCreate', () => {
  it('creates a rule and echoes the clientMutationId', async () => {
    const owner = await team('ledger');
    const payload = await createRule({ name: 'ledger systems', ownerId: owner.id, system: unique('ledger'), clientMutationId: 'r-1' });
    expect(payload).toMatchObject({
      userErrors: [],
      clientMutationId: 'r-1',
      ownershipRule: { name: 'ledger systems', confidence: 0.65, owner: { externalRef: owner.externalRef } },
    });
  });

  it('returns validation refusals as userErrors naming the input field, without quoting the value', async () => {
    const owner = await team('t');
    const gone = await spec.client.owner({ externalRef: unique('gone'), kind: 'PERSON', name: 'Gone', active: false });
    const unknownOwner = randomUUID();

    const refusals = [
      await createRule({ name: 'empty', ownerId: owner.id }),
      await createRule({ name: 'sure', ownerId: owner.id, system: 'x', confidence: 1.5 }),
      await createRule({ name: ' ', ownerId: owner.id, system: 'x' }),
      await createRule({ name: 'r', ownerId: gone.id, system: 'x' }),
      await createRule({ name: 'r', ownerId: unknownOwner, system: 'x' }),
    ];

    expect(refusals.map((r) => [r.ownershipRule, r.userErrors.map((e) => [e.code, e.field])])).toEqual([
      [null, [['INVALID', null]]],
      [null, [['INVALID', ['confidence']]]],
      [null, [['INVALID', ['name']]]],
      [null, [['INVALID', ['ownerId']]]],
      [null, [['NOT_FOUND', ['ownerId']]]],
    ]);
    expect(JSON.stringify(refusals)).not.toMatch(new RegExp(`1\\.5|${unknownOwner}|${gone.externalRef}|Gone`));
  });

  it('replays the first rule for a repeated idempotency key and refuses the key for another input', async () => {
    const owner = await team('replay');
    const key = randomUUID();
    const input = { name: 'replayed', ownerId: owner.id, system: unique('replay'), idempotencyKey: key };

    const first = await createRule(input);
    const replay = await createRule({ ...input, clientMutationId: 'again' });
    expect(replay).toMatchObject({ userErrors: [], clientMutationId: 'again' });
    expect(replay.ownershipRule?.id).toBe(first.ownershipRule?.id);
    const rows = await spec.subgraph.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM ownership_rules WHERE name = 'replayed' AND owner_id = $1",
      [owner.id],
    );
    expect(rows[0]?.n).toBe(1);

    const reused = await createRule({ ...input, name: 'other' });
    expect(reused).toMatchObject({ ownershipRule: null, userErrors: [{ field: ['idempotencyKey'], code: 'CONFLICT' }] });
  });
});

describe('ownershipRuleDelete', () => {
  it('disables a rule, then refuses it again as NOT_FOUND naming the id', async () => {
    const owner = await team('del');
    const created = await createRule({ name: 'to delete', ownerId: owner.id, system: unique('del') });
    const id = created.ownershipRule!.id;

    expect(await deleteRule({ id, clientMutationId: 'd-1' })).toEqual({
      deletedOwnershipRuleId: id,
      userErrors: [],
      clientMutationId: 'd-1',
    });
    const again = await deleteRule({ id });
    expect(again).toMatchObject({ deletedOwnershipRuleId: null, userErrors: [{ code: 'NOT_FOUND', field: ['id'] }] });
    expect(again.userErrors[0]?.message).not.toContain(id);
  });
});

describe('the deprecated flat-argument forms', () => {
  it('still answer, with the old error codes', async () => {
    const owner = await team('legacy');
    const created = await spec.subgraph.query<{ createOwnershipRule: { id: string } }>(
      'mutation($input: OwnershipRuleInput!) { createOwnershipRule(input: $input) { id } }',
      { input: { name: 'legacy', ownerId: owner.id, system: unique('legacy') } },
    );
    const ruleId = created.data!.createOwnershipRule.id;
    const deleted = await spec.subgraph.query<{ deleteOwnershipRule: boolean }>('mutation($id: ID!) { deleteOwnershipRule(id: $id) }', {
      id: ruleId,
    });
    expect(deleted.data?.deleteOwnershipRule).toBe(true);
    const deletedAgain = await spec.subgraph.query('mutation($id: ID!) { deleteOwnershipRule(id: $id) }', { id: ruleId });
    expect(deletedAgain.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });
});
