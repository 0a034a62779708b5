import { randomUUID } from 'node:crypto';
import { CLOUDEVENTS_CONTENT_TYPE, createEvent, serializeEvent, TOPICS, type IdentitySnapshot, type NhiEvent } from '@nhi/contracts';
import { identitySnapshot, waitFor } from '@nhi/testing';
import { ownershipSpec } from '../support/ownership-spec';
import { uniqueNames } from '../support/unique-names';

const spec = ownershipSpec('ownership_runs');
const unique = uniqueNames();
const T0 = Date.parse('2026-03-02T09:00:00.000Z');
/** The time of the scenario's nth event. */
const at = (n: number) => new Date(T0 + n * 60_000).toISOString();

type Label = 'A' | 'B' | 'C';

interface Fixture {
  ledgerSystem: string;
  financeUnit: string;
  /** Rule ids, owner ids and references → names that are the same in both copies of the scenario. */
  names: Map<string, string>;
}

const discovered = (identity: IdentitySnapshot, n: number) =>
  createEvent({
    source: 'inventory',
    type: 'nhi.identity.discovered',
    subject: identity.id,
    data: { identity, source: 'aws-config', discoveredAt: at(n) },
  });
const updated = (identity: IdentitySnapshot, n: number) =>
  createEvent({
    source: 'inventory',
    type: 'nhi.identity.updated',
    subject: identity.id,
    data: { identity, changes: [{ field: 'system', previous: null, current: identity.system }], source: 'aws-config', updatedAt: at(n) },
  });
const decommissioned = (id: string, n: number) =>
  createEvent({
    source: 'inventory',
    type: 'nhi.identity.decommissioned',
    subject: id,
    data: { id, reason: 'retired', decommissionedBy: 'alice', decommissionedAt: at(n) },
  });

/**
 * One copy of the scenario, on fresh identities: A is discovered matching no
 * rule and updated into the auto-assign rule's system (assigned then), then
 * into the suggest rule's unit (a suggestion, since it is owned); B is
 * discovered in the suggest rule's unit, discovered again in the auto-assign
 * rule's system (ignored: it is tracked), decommissioned, and updated into
 * that system (not evaluated: decommissioned); C is decommissioned before
 * ownership knows it (nothing), then updated without a discovery (tracked,
 * and assigned).
 */
function scenario(fixture: Fixture) {
  const ids: Record<Label, string> = { A: randomUUID(), B: randomUUID(), C: randomUUID() };
  const a = identitySnapshot({ id: ids.A, name: 'a', system: 'legacy' });
  const b = identitySnapshot({ id: ids.B, name: 'b', businessUnit: fixture.financeUnit });
  const c = identitySnapshot({ id: ids.C, name: 'c', system: fixture.ledgerSystem });
  const events = [
    discovered(a, 1),
    discovered(b, 2),
    updated({ ...a, system: fixture.ledgerSystem }, 3),
    discovered({ ...b, name: 'b-renamed', system: fixture.ledgerSystem }, 4),
    updated({ ...a, system: fixture.ledgerSystem, businessUnit: fixture.financeUnit }, 5),
    decommissioned(ids.C, 6),
    updated(c, 7),
    decommissioned(ids.B, 8),
    updated({ ...b, system: fixture.ledgerSystem, status: 'DECOMMISSIONED' }, 9),
  ];
  return { ids, events };
}

/** Everything the events left about the identities, with ids put as labels and names, so that two copies compare. */
async function stateOf(ids: Record<Label, string>, fixture: Fixture) {
  const label = new Map(Object.entries(ids).map(([name, id]) => [id, name]));
  const named = (value: unknown): unknown => {
    if (typeof value === 'string') {
      return [...label, ...fixture.names].reduce((text, [id, name]) => text.split(id).join(name), value);
    }
    if (value instanceof Date) return value.toISOString();
    if (Array.isArray(value)) return value.map(named);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, named(v)]));
    return value;
  };
  const values = [Object.values(ids)];
  const rows = await spec.subgraph.sql(
    `SELECT identity_id, owner_id, backup_owner_id, status, name, system, business_unit, tags, identity_status, updated_at, orphaned_at
     FROM identity_ownership WHERE identity_id = ANY($1::uuid[])`,
    values,
  );
  const history = await spec.subgraph.sql(
    `SELECT identity_id, role, change, owner_id, previous_owner_id, via, actor, reason, at
     FROM ownership_history WHERE identity_id = ANY($1::uuid[]) ORDER BY at, id`,
    values,
  );
  const suggestions = await spec.subgraph.sql(
    `SELECT identity_id, owner_id, rule_id, confidence, reason, status, created_at
     FROM ownership_suggestions WHERE identity_id = ANY($1::uuid[]) ORDER BY created_at, id`,
    values,
  );
  const outbox = await spec.subgraph.sql<{ type: string; data: Record<string, unknown> }>(
    `SELECT payload->>'type' AS type, payload->'data' AS data FROM outbox_events WHERE message_key = ANY($1::text[]) ORDER BY seq`,
    values,
  );
  const byLabel = <T extends Record<string, unknown>>(list: T[]) =>
    named(list.sort((x, y) => String(label.get(String(x['identity_id']))).localeCompare(String(label.get(String(y['identity_id']))))));
  return {
    rows: byLabel(rows),
    history: named(history),
    suggestions: named(suggestions),
    outbox: named(outbox),
  };
}

/** How many of the events have their inbox row, and in how many transactions those were written. */
async function appliedIn(events: readonly NhiEvent[]): Promise<{ applied: number; transactions: number }> {
  const [row] = await spec.subgraph.sql<{ applied: string; transactions: string }>(
    'SELECT count(*) AS applied, count(DISTINCT xmin::text) AS transactions FROM inbox_events WHERE event_id = ANY($1::text[])',
    [events.map((e) => e.id)],
  );
  return { applied: Number(row?.applied), transactions: Number(row?.transactions) };
}

async function allApplied(events: readonly NhiEvent[], what: string) {
  return waitFor(
    async () => {
      const found = await appliedIn(events);
      return found.applied === events.length && found;
    },
    { what },
  );
}

/** Messages of several identities sent in one request: they land side by side, and the consumer reads them as one run. */
async function publishTogether(events: readonly NhiEvent[]): Promise<void> {
  await spec.subgraph.kafka.produceMany(spec.subgraph.topic(TOPICS.inventoryEvents), events.map(message));
}

const message = (e: NhiEvent) => ({ key: e.subject, value: serializeEvent(e), headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE } });

async function rule(input: Record<string, unknown>): Promise<string> {
  const result = await spec.subgraph.query<{ createOwnershipRule: { id: string } }>(
    'mutation($input: OwnershipRuleInput!) { createOwnershipRule(input: $input) { id } }',
    { input },
  );
  if (!result.data) throw new Error(`createOwnershipRule failed: ${JSON.stringify(result.errors)}`);
  return result.data.createOwnershipRule.id;
}

async function fixture(): Promise<Fixture> {
  const ledgerSystem = unique('ledger');
  const financeUnit = unique('Finance');
  const ledger = await spec.client.owner({ externalRef: unique('team-ledger'), kind: 'TEAM', name: 'Ledger' });
  const finance = await spec.client.owner({ externalRef: unique('team-finance'), kind: 'TEAM', name: 'Finance' });
  const other = await spec.client.owner({ externalRef: unique('team-other'), kind: 'TEAM', name: 'Other' });
  const gone = await spec.client.owner({ externalRef: unique('gone'), kind: 'PERSON', name: 'Gone' });
  const ledgerRule = await rule({ name: 'ledger', ownerId: ledger.id, system: ledgerSystem });
  const financeRule = await rule({ name: 'finance hint', ownerId: finance.id, businessUnit: financeUnit, mode: 'SUGGEST' });
  // Both would make the ledger rule a disagreement, and so stop it from assigning, if they counted.
  const disabled = await rule({ name: 'disabled', ownerId: other.id, system: ledgerSystem });
  await spec.subgraph.query('mutation($id: ID!) { deleteOwnershipRule(id: $id) }', { id: disabled });
  await rule({ name: 'gone', ownerId: gone.id, system: ledgerSystem });
  await spec.client.deactivate(gone.id, 'left the company');
  return {
    ledgerSystem,
    financeUnit,
    names: new Map([
      [ledgerRule, 'RULE-ledger'],
      [financeRule, 'RULE-finance'],
      [ledger.id, 'TEAM-ledger'],
      [finance.id, 'TEAM-finance'],
      [ledger.externalRef, 'REF-ledger'],
    ]),
  };
}

describe('ownership applies a run of inventory events as one event at a time would', () => {
  let shared: Fixture;
  beforeAll(async () => {
    shared = await fixture();
  });

  it('leaves the same rows, history, suggestions and events whether the events come as one run or one by one', async () => {
    const run = scenario(shared);
    await publishTogether(run.events);
    // One transaction for all nine: the batch handler applied them, it did not fail over to one at a time.
    expect(await allApplied(run.events, 'the run to be applied')).toEqual({ applied: 9, transactions: 1 });

    const oneByOne = scenario(shared);
    for (const e of oneByOne.events) {
      await spec.subgraph.redeliver(e);
      await allApplied([e], `event ${e.type} to be applied`);
    }
    expect(await appliedIn(oneByOne.events)).toEqual({ applied: 9, transactions: 9 });

    const state = await stateOf(run.ids, shared);
    expect(await stateOf(oneByOne.ids, shared)).toEqual(state);

    expect(state.rows).toEqual([
      {
        identity_id: 'A',
        owner_id: 'TEAM-ledger',
        backup_owner_id: null,
        status: 'OWNED',
        name: 'a',
        system: shared.ledgerSystem,
        business_unit: shared.financeUnit,
        tags: {},
        identity_status: 'ACTIVE',
        updated_at: at(5),
        orphaned_at: null,
      },
      {
        identity_id: 'B',
        owner_id: null,
        backup_owner_id: null,
        status: 'UNASSIGNED',
        // The second discovery did not rename it; the update after the decommissioning refreshed it, and ran no rule.
        name: 'b',
        system: shared.ledgerSystem,
        business_unit: shared.financeUnit,
        tags: {},
        identity_status: 'DECOMMISSIONED',
        updated_at: at(9),
        orphaned_at: null,
      },
      {
        identity_id: 'C',
        owner_id: 'TEAM-ledger',
        backup_owner_id: null,
        status: 'OWNED',
        name: 'c',
        system: shared.ledgerSystem,
        business_unit: null,
        tags: {},
        identity_status: 'ACTIVE',
        updated_at: at(7),
        orphaned_at: null,
      },
    ]);
    const assignment = (identity: Label, n: number) => ({
      identity_id: identity,
      role: 'PRIMARY',
      change: 'ASSIGNED',
      owner_id: 'TEAM-ledger',
      previous_owner_id: null,
      via: 'RULE',
      actor: 'rule:RULE-ledger',
      reason: 'rule "ledger" matched',
      at: at(n),
    });
    expect(state.history).toEqual([assignment('A', 3), assignment('C', 7)]);
    expect(state.suggestions).toEqual([
      {
        identity_id: 'B',
        owner_id: 'TEAM-finance',
        rule_id: 'RULE-finance',
        confidence: 0.65,
        reason: 'rule "finance hint" suggests this owner',
        status: 'PENDING',
        created_at: at(2),
      },
      {
        identity_id: 'A',
        owner_id: 'TEAM-finance',
        rule_id: 'RULE-finance',
        confidence: 0.65,
        reason: 'rule "finance hint" names another owner than the current one',
        status: 'PENDING',
        created_at: at(5),
      },
    ]);
    const assigned = (identity: Label, n: number) => ({
      type: 'nhi.ownership.assigned',
      data: {
        identityId: identity,
        ownerId: 'TEAM-ledger',
        ownerRef: 'REF-ledger',
        ownerPath: ['REF-ledger'],
        role: 'PRIMARY',
        previousOwnerId: null,
        via: 'RULE',
        ownershipStatus: 'OWNED',
        actor: 'rule:RULE-ledger',
        reason: 'rule "ledger" matched',
        assignedAt: at(n),
      },
    });
    expect(state.outbox).toEqual([assigned('A', 3), assigned('C', 7)]);
  });

  it('does not apply again an event that a per-event method applied before the upgrade, of each type', async () => {
    const known = identitySnapshot();
    const appliedBefore = [discovered(identitySnapshot(), 1), updated(identitySnapshot(), 2), decommissioned(known.id, 3)];
    const methods = ['onIdentityDiscovered', 'onIdentityUpdated', 'onIdentityDecommissioned'];
    await spec.subgraph.sql(
      `INSERT INTO inbox_events (event_source, event_id, consumer, topic, partition, "offset", event_type)
       SELECT source, id, $3 || ':InventoryEventsHandler.' || method, $4, 0, '0', type
       FROM unnest($1::text[], $2::text[], $5::text[], $6::text[]) AS e(source, id, method, type)`,
      [
        appliedBefore.map((e) => e.source),
        appliedBefore.map((e) => e.id),
        spec.subgraph.groupId,
        TOPICS.inventoryEvents,
        methods,
        appliedBefore.map((e) => e.type),
      ],
    );
    const fresh = discovered(known, 0);
    // Applied after the others (one partition, in order): once it is, they were consumed.
    const last = discovered(identitySnapshot(), 4);
    await publishTogether([fresh, ...appliedBefore, last]);

    await allApplied([fresh, last], 'the run to be applied');
    const tracked = await spec.subgraph.sql(
      'SELECT identity_id, identity_status FROM identity_ownership WHERE identity_id = ANY($1::uuid[])',
      [[fresh, ...appliedBefore].map((e) => e.subject)],
    );
    // Neither other identity is tracked, and the one the fresh discovery tracked is not decommissioned.
    expect(tracked).toEqual([{ identity_id: known.id, identity_status: 'ACTIVE' }]);
    // The only inbox rows of the others are the old methods'.
    expect(await appliedIn(appliedBefore)).toEqual({ applied: 3, transactions: 1 });
  });

  it('knows an identity whose id an event writes in upper case, as PostgreSQL does', async () => {
    const identity = identitySnapshot();
    const upper = identity.id.toUpperCase();
    const run = [discovered({ ...identity, id: upper }, 1), decommissioned(upper, 2)];
    await publishTogether(run);

    await allApplied(run, 'the run to be applied');
    expect(
      await spec.subgraph.sql('SELECT identity_id, identity_status FROM identity_ownership WHERE identity_id = $1', [identity.id]),
    ).toEqual([{ identity_id: identity.id, identity_status: 'DECOMMISSIONED' }]);
  });
});
