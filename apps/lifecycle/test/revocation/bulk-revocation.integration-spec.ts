import { TOPICS } from '@nhi/contracts';
import type { IdentitySnapshot } from '@nhi/contracts';
import { ownershipAssignedData, subgraphSpec, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';

const spec = subgraphSpec('lifecycle_bulk', bootstrap, { tap: [TOPICS.revocationRequests] });

const ownerId = '01900000-0000-7000-8000-0000000000c1';

function discovered(overrides: Partial<IdentitySnapshot>): Promise<string> {
  return spec.subgraph.discover('identity_lifecycle', overrides);
}

async function owned(identityId: string): Promise<void> {
  const event = await spec.subgraph.publish(
    'nhi.ownership.assigned',
    ownershipAssignedData(identityId, ownerId, { ownerRef: 'team-legacy' }),
    'ownership',
  );
  await waitFor(async () => (await spec.subgraph.sql('SELECT 1 FROM inbox_events WHERE event_id = $1', [event.id])).length > 0);
}

describe('bulk revocation', () => {
  it('plans what a revocation by owner and system would touch, then requests exactly that', async () => {
    const [a, b] = [await discovered({ system: 'legacy-crm' }), await discovered({ system: 'Legacy-CRM' })];
    const otherSystem = await discovered({ system: 'billing' });
    const notOwned = await discovered({ system: 'legacy-crm' });
    for (const id of [a, b, otherSystem]) await owned(id);
    await spec.subgraph.query('mutation($id: ID!) { requestRevocation(identityId: $id, reason: "already going") { id } }', { id: b });
    const selector = { ownerId, system: 'legacy-crm' };

    const plan = await spec.subgraph.query<{ planRevocation: { toRevoke: number; skipped: number; identities: Array<{ id: string }> } }>(
      'query($s: RevocationSelector!) { planRevocation(selector: $s) { toRevoke skipped identities { id } } }',
      { s: selector },
    );
    expect(plan.data?.planRevocation).toEqual({ toRevoke: 1, skipped: 1, identities: [{ id: a }] });
    expect(await spec.subgraph.sql('SELECT 1 FROM revocation_requests WHERE identity_id = $1', [a])).toEqual([]);

    const result = await spec.subgraph.query<{ requestBulkRevocation: { requested: number; skipped: number } }>(
      'mutation($s: RevocationSelector!) { requestBulkRevocation(selector: $s, reason: "CRM retired") { requested skipped } }',
      { s: selector },
    );
    expect(result.data?.requestBulkRevocation).toEqual({ requested: 1, skipped: 1 });
    const request = await waitFor(() => spec.tap.messages.find((m) => m.key === a));
    expect(JSON.parse(request.value ?? '{}').data).toMatchObject({ nhiId: a, reason: 'bulk, by test-admin: CRM retired' });
    expect(spec.tap.messages.some((m) => m.key === otherSystem || m.key === notOwned)).toBe(false);
  });

  it('pages the identities of a plan with their total', async () => {
    const ids = [
      await discovered({ system: 'paged-crm' }),
      await discovered({ system: 'paged-crm' }),
      await discovered({ system: 'paged-crm' }),
    ];
    for (const id of ids) await owned(id);
    type Page = {
      totalCount: number;
      edges: Array<{ node: { id: string } }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    const page = async (after: string | null) =>
      (
        await spec.subgraph.query<{ planRevocation: { toRevoke: number; identities: Array<{ id: string }>; identitiesConnection: Page } }>(
          'query($s: RevocationSelector!, $after: String) { planRevocation(selector: $s) { toRevoke identities { id } identitiesConnection(first: 2, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } } } }',
          { s: { ownerId, system: 'paged-crm' }, after },
        )
      ).data?.planRevocation;

    const first = await page(null);
    const second = await page(first?.identitiesConnection.pageInfo.endCursor ?? null);

    expect(first?.identitiesConnection).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: true } });
    expect(second?.identitiesConnection).toMatchObject({ totalCount: 3, pageInfo: { hasNextPage: false } });
    const paged = [...(first?.identitiesConnection.edges ?? []), ...(second?.identitiesConnection.edges ?? [])].map((e) => e.node.id);
    expect(paged).toEqual(first?.identities.map((i) => i.id));
    expect([...paged].sort()).toEqual([...ids].sort());
  });

  it('refuses a selector that would select everything', async () => {
    const result = await spec.subgraph.query('query { planRevocation(selector: {}) { toRevoke } }');
    expect(result.errors?.[0]?.message).toMatch(/give ownerId, system or provider: a bulk revocation never selects everything/);
  });
});
