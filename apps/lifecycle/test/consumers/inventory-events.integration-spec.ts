import { createEvent, type IdentitySnapshot } from '@nhi/contracts';
import { identityDiscoveredData, subgraphSpec, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';

const spec = subgraphSpec('lifecycle', bootstrap);
const DAY_MS = 86_400_000;

interface LifecycleResult {
  _entities: Array<{
    id: string;
    lifecycle: {
      state: string;
      nextRotationDueAt: string;
      lastRotatedAt: string | null;
      policy: { name: string; maxAgeDays: number };
      rotations: unknown[];
      revocation: unknown;
    } | null;
  }>;
}

const LIFECYCLE_OF = `
  query($r: [_Any!]!) {
    _entities(representations: $r) {
      ... on NonHumanIdentity { id lifecycle { state nextRotationDueAt lastRotatedAt policy { name maxAgeDays } rotations(first: 3) { id } revocation { id } } }
    }
  }`;

async function lifecycleOf(...ids: string[]): Promise<LifecycleResult['_entities']> {
  const result = await spec.subgraph.query<LifecycleResult>(LIFECYCLE_OF, { r: ids.map((id) => ({ __typename: 'NonHumanIdentity', id })) });
  return result.data?._entities ?? [];
}

describe('lifecycle learns identities from inventory events', () => {
  it('schedules the next rotation from the credential age under the default policy', async () => {
    const fresh = identityDiscoveredData({ createdAt: new Date(Date.now() - 10 * DAY_MS).toISOString() });
    const stale = identityDiscoveredData({ createdAt: new Date(Date.now() - 100 * DAY_MS).toISOString() });
    await spec.subgraph.publish('nhi.identity.discovered', fresh);
    await spec.subgraph.publish('nhi.identity.discovered', stale);

    const [a, b] = await waitFor(
      async () => {
        const entities = await lifecycleOf(fresh.identity.id, stale.identity.id);
        return entities.every((e) => e.lifecycle) && entities;
      },
      { what: 'lifecycle to consume both events' },
    );

    expect(a?.lifecycle).toMatchObject({
      state: 'ACTIVE',
      lastRotatedAt: null,
      policy: { name: 'default', maxAgeDays: 90 },
      rotations: [],
      revocation: null,
    });
    expect(Date.parse(a?.lifecycle?.nextRotationDueAt ?? '')).toBe(Date.parse(fresh.identity.createdAt ?? '') + 90 * DAY_MS);
    // 100 days old against a 90-day maximum: due already, which the due clock announces within a tick.
    expect(b?.lifecycle?.nextRotationDueAt && Date.parse(b.lifecycle.nextRotationDueAt) < Date.now()).toBe(true);
    await waitFor(async () => (await lifecycleOf(stale.identity.id))[0]?.lifecycle?.state === 'ROTATION_DUE', {
      what: 'the due clock to mark the old credential ROTATION_DUE',
    });
  });

  it('applies a run of discoveries and updates as one at a time would', async () => {
    const discovered = identityDiscoveredData({ system: 'billing', businessUnit: 'Payments' });
    const id = discovered.identity.id;
    const neverDiscovered = identityDiscoveredData().identity;
    const updated = (identity: IdentitySnapshot, changes: Partial<IdentitySnapshot>) =>
      createEvent({
        source: 'inventory',
        type: 'nhi.identity.updated',
        subject: identity.id,
        data: {
          identity: { ...identity, ...changes },
          changes: [{ field: 'system', previous: identity.system, current: changes.system ?? identity.system }],
          source: 'aws-config',
          updatedAt: new Date().toISOString(),
        },
      });
    const rediscovered = identityDiscoveredData({ ...discovered.identity, system: 'rediscovered' });
    await spec.subgraph.publishRun([
      updated(discovered.identity, { system: 'before-discovery' }),
      createEvent({ source: 'inventory', type: 'nhi.identity.discovered', subject: id, data: discovered }),
      updated(discovered.identity, { system: 'ledger', businessUnit: 'Finance' }),
      createEvent({ source: 'inventory', type: 'nhi.identity.discovered', subject: id, data: rediscovered }),
    ]);
    await spec.subgraph.publish('nhi.identity.updated', updated(neverDiscovered, {}).data);

    const rows = await waitFor(
      async () => {
        const found = await spec.subgraph.sql<{ system: string; business_unit: string }>(
          'SELECT system, business_unit FROM identity_lifecycle WHERE identity_id = $1',
          [id],
        );
        return found.length > 0 && found;
      },
      { what: 'lifecycle to track the identity' },
    );
    // The update before the discovery found nothing to update; the one after it landed; the second discovery changed nothing.
    expect(rows).toEqual([{ system: 'ledger', business_unit: 'Finance' }]);
    await waitFor(
      async () => (await spec.subgraph.sql('SELECT 1 FROM inbox_events WHERE event_type = $1', ['nhi.identity.updated'])).length >= 3,
      { what: 'the lone update to be applied' },
    );
    expect(await spec.subgraph.sql('SELECT 1 FROM identity_lifecycle WHERE identity_id = $1', [neverDiscovered.id])).toEqual([]);
  });

  it('revokes an identity discovered and decommissioned in one run: the discovery is applied before the decommissioning', async () => {
    const discovered = identityDiscoveredData();
    const id = discovered.identity.id;
    await spec.subgraph.publishRun([
      createEvent({ source: 'inventory', type: 'nhi.identity.discovered', subject: id, data: discovered }),
      createEvent({
        source: 'inventory',
        type: 'nhi.identity.decommissioned',
        subject: id,
        data: { id, reason: 'retired', decommissionedBy: 'alice', decommissionedAt: new Date().toISOString() },
      }),
    ]);

    const [entity] = await waitFor(
      async () => {
        const entities = await lifecycleOf(id);
        return entities[0]?.lifecycle?.revocation ? entities : false;
      },
      { what: 'lifecycle to request the revocation of the decommissioned identity' },
    );
    expect(entity?.lifecycle?.revocation).toEqual({ id: expect.any(String) });
  });

  it('answers null for an identity it has not heard of', async () => {
    expect(await lifecycleOf('3f1f5a52-0000-4000-8000-000000000000')).toEqual([
      { id: '3f1f5a52-0000-4000-8000-000000000000', lifecycle: null },
    ]);
  });

  it('lists the default rotation policy', async () => {
    const result = await spec.subgraph.query<{
      rotationPolicies: Array<{ name: string; isDefault: boolean; maxAgeDays: number; warnDays: number }>;
    }>('{ rotationPolicies { name isDefault maxAgeDays warnDays } }');

    expect(result.data?.rotationPolicies).toEqual([{ name: 'default', isDefault: true, maxAgeDays: 90, warnDays: 14 }]);
  });
});
