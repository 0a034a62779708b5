import { identitySnapshot, waitFor } from '@nhi/testing';
import { ownershipSpec } from '../support/ownership-spec';
import { uniqueNames } from '../support/unique-names';

const spec = ownershipSpec('ownership_rules');

const unique = uniqueNames();

interface Suggestion {
  id: string;
  status: string;
  confidence: number;
  reason: string;
  owner: { externalRef: string };
  rule: { name: string } | null;
}

async function createRule(input: Record<string, unknown>) {
  return spec.subgraph.query<{ createOwnershipRule: { id: string; name: string; confidence: number } }>(
    'mutation($input: OwnershipRuleInput!) { createOwnershipRule(input: $input) { id name confidence } }',
    { input },
  );
}

async function rule(input: Record<string, unknown>) {
  const result = await createRule(input);
  if (!result.data) throw new Error(`createOwnershipRule failed: ${JSON.stringify(result.errors)}`);
  return result.data.createOwnershipRule;
}

async function suggestions(identityId: string): Promise<Suggestion[]> {
  const result = await spec.subgraph.query<{ ownershipSuggestions: Suggestion[] }>(
    'query($id: ID!) { ownershipSuggestions(identityId: $id) { id status confidence reason owner { externalRef } rule { name } } }',
    { id: identityId },
  );
  return result.data?.ownershipSuggestions ?? [];
}

describe('ownership rules', () => {
  it('assigns a new identity that one auto-assign rule matches, by its rule, and leaves the others alone', async () => {
    const system = unique('ledger');
    const team = await spec.client.owner({ externalRef: unique('team-ledger'), kind: 'TEAM', name: 'Ledger' });
    const created = await rule({ name: 'ledger systems', ownerId: team.id, system, provider: 'AWS' });

    const matching = await spec.client.discovered({ system, provider: 'aws' });
    const other = await spec.client.discovered({ system: unique('other'), provider: 'aws' });

    const assigned = await waitFor(async () => {
      const identity = await spec.client.identity(matching);
      return identity?.ownershipStatus === 'OWNED' && identity;
    });
    expect(assigned.owner).toEqual({ externalRef: team.externalRef });
    expect(await spec.client.identity(other)).toMatchObject({ ownershipStatus: 'UNASSIGNED' });
    expect(await spec.client.history(matching)).toEqual([
      expect.objectContaining({ change: 'ASSIGNED', via: 'RULE', actor: `rule:${created.id}`, reason: 'rule "ledger systems" matched' }),
    ]);
    const event = await waitFor(() => spec.tap.messages.find((m) => m.key === matching));
    expect(JSON.parse(event.value ?? '{}')).toMatchObject({ type: 'nhi.ownership.assigned', data: { via: 'RULE', ownerId: team.id } });
  });

  it('never auto-assigns when rules disagree: each becomes a suggestion naming its rule and confidence', async () => {
    const businessUnit = unique('Treasury');
    const a = await spec.client.owner({ externalRef: unique('team-a'), kind: 'TEAM', name: 'A' });
    const b = await spec.client.owner({ externalRef: unique('team-b'), kind: 'TEAM', name: 'B' });
    await rule({ name: 'treasury to A', ownerId: a.id, businessUnit });
    await rule({ name: 'treasury batch to B', ownerId: b.id, businessUnit, namePattern: 'batch-*', confidence: 0.9 });

    const identityId = await spec.client.discovered({ businessUnit, name: 'batch-settlement' });

    const open = await waitFor(async () => {
      const list = await suggestions(identityId);
      return list.length === 2 && list;
    });
    expect(await spec.client.identity(identityId)).toMatchObject({ ownershipStatus: 'UNASSIGNED', owner: null });
    expect(open.map((s) => [s.owner.externalRef, s.rule?.name, s.confidence, s.status])).toEqual([
      [b.externalRef, 'treasury batch to B', 0.9, 'PENDING'],
      [a.externalRef, 'treasury to A', 0.65, 'PENDING'],
    ]);
    expect(open[0]?.reason).toMatch(/rules disagree, so none assigned: "treasury to A" .*, "treasury batch to B"/);

    const accepted = await spec.subgraph.query<{ acceptSuggestion: { status: string } }>(
      'mutation($id: ID!) { acceptSuggestion(id: $id) { status } }',
      {
        id: open[0]?.id,
      },
    );
    expect(accepted.data?.acceptSuggestion.status).toBe('ACCEPTED');
    expect(await spec.client.identity(identityId)).toMatchObject({ ownershipStatus: 'OWNED', owner: { externalRef: b.externalRef } });
    expect((await suggestions(identityId)).map((s) => s.status).sort()).toEqual(['ACCEPTED', 'REJECTED']);
    expect(await spec.client.history(identityId)).toEqual([expect.objectContaining({ via: 'SUGGESTION', actor: 'test-admin' })]);

    const again = await spec.subgraph.query('mutation($id: ID!) { acceptSuggestion(id: $id) { status } }', { id: open[0]?.id });
    expect(again.errors?.[0]?.message).toMatch(/was already accepted by test-admin/);
  });

  it('only suggests with a suggest-only rule, and does not suggest again what was rejected', async () => {
    const system = unique('crm');
    const team = await spec.client.owner({ externalRef: unique('team-crm'), kind: 'TEAM', name: 'CRM' });
    await rule({ name: 'crm hint', ownerId: team.id, system, mode: 'SUGGEST' });
    const snapshot = identitySnapshot({ system });
    const identityId = await spec.client.discovered(snapshot);

    const [suggestion] = await waitFor(async () => {
      const list = await suggestions(identityId);
      return list.length === 1 && list;
    });
    expect(suggestion).toMatchObject({ status: 'PENDING', reason: 'rule "crm hint" suggests this owner' });
    await spec.subgraph.query('mutation($id: ID!) { rejectSuggestion(id: $id) { status } }', { id: suggestion?.id });

    const updated = await spec.subgraph.publish('nhi.identity.updated', {
      identity: { ...snapshot, name: 'renamed' },
      changes: [{ field: 'name', previous: snapshot.name, current: 'renamed' }],
      source: 'aws-config',
      updatedAt: new Date().toISOString(),
    });
    await waitFor(async () => (await spec.subgraph.sql('SELECT 1 FROM inbox_events WHERE event_id = $1', [updated.id])).length > 0);
    expect((await suggestions(identityId)).map((s) => s.status)).toEqual(['REJECTED']);
    expect(await spec.client.identity(identityId)).toMatchObject({ ownershipStatus: 'UNASSIGNED' });
  });

  it('applies a new rule at once to identities waiting for an owner, and to an identity that changes to match it', async () => {
    const account = '210987654321';
    const waiting = await spec.client.discovered({ provider: 'aws', externalId: `arn:aws:iam::${account}:role/${unique('etl')}` });
    const later = identitySnapshot({ provider: 'aws', externalId: `arn:aws:iam::${account}:role/${unique('etl')}`, tags: { team: 'x' } });
    const laterId = await spec.client.discovered({ ...later, provider: 'gcp' });
    const team = await spec.client.owner({ externalRef: unique('team-data'), kind: 'TEAM', name: 'Data' });

    await rule({ name: 'data account', ownerId: team.id, account, provider: 'aws' });
    expect(await spec.client.identity(waiting)).toMatchObject({ ownershipStatus: 'OWNED', owner: { externalRef: team.externalRef } });
    expect(await spec.client.identity(laterId)).toMatchObject({ ownershipStatus: 'UNASSIGNED' });

    await spec.subgraph.publish('nhi.identity.updated', {
      identity: later,
      changes: [{ field: 'provider', previous: 'gcp', current: 'aws' }],
      source: 'aws-config',
      updatedAt: new Date().toISOString(),
    });
    await waitFor(async () => (await spec.client.identity(laterId))?.ownershipStatus === 'OWNED', {
      what: 'the rule to assign the changed identity',
    });
  });

  it.each([
    [{ name: 'empty' }, /a rule needs at least one criterion/],
    [{ name: 'sure', system: 'x', confidence: 1.5 }, /^confidence must be above 0 and at most 1$/],
  ])('refuses a bad rule with a clear error: %j', async (input, message) => {
    const team = await spec.client.owner({ externalRef: unique('team'), kind: 'TEAM', name: 'T' });
    const result = await createRule({ ownerId: team.id, ...input });
    expect(result.errors?.[0]?.message).toMatch(message);
    expect(result.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('refuses a rule for an owner who left', async () => {
    const gone = await spec.client.owner({ externalRef: unique('gone'), kind: 'PERSON', name: 'Gone', active: false });
    const result = await createRule({ name: 'r', ownerId: gone.id, system: 'x' });
    expect(result.errors?.[0]?.message).toMatch(/this owner is inactive; a rule must name an active owner/);
  });
});
