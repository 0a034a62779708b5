import { graphql, postGraphQL, RunningPlatform } from '@nhi/launcher';
import { waitFor } from '@nhi/testing';
import { E2ePlatform, startE2ePlatform } from './support/e2e-platform';
import { ensureServiceRunning, stopService } from './support/service-outage';

/**
 * Issue 22, "degrade, do not blank": the fields ownership adds to an identity are nullable, so an ownership
 * outage costs the inventory page its owner column, with a located error, and not the whole page.
 * Its own platform: stopping a service must never surprise another spec.
 */

const INVENTORY_PAGE = `{
  identities(first: 20) {
    totalCount
    edges { node { id name kind ownershipStatus owner { name } lifecycle { state } } }
  }
}`;

interface PageNode {
  id: string;
  name: string;
  kind: string;
  ownershipStatus: string | null;
  owner: { name: string } | null;
  lifecycle: { state: string } | null;
}

interface PageError {
  message: string;
  path?: Array<string | number>;
  extensions?: Record<string, unknown>;
}

interface InventoryPage {
  identities: { totalCount: number; edges: Array<{ node: PageNode }> };
}

let e2e: E2ePlatform;
let platform: RunningPlatform;
let token: string;

beforeAll(async () => {
  e2e = await startE2ePlatform(5800);
  platform = e2e.platform;
  token = await e2e.token({ sub: 'e2e-degraded-page', roles: ['security-admin'] });
});

afterAll(async () => {
  // Even when an assertion failed mid-outage: ownership comes back before the platform is taken down.
  if (platform) await ensureServiceRunning(platform, 'ownership');
  await e2e?.stop();
});

async function page(): Promise<{ data: InventoryPage | undefined; errors: PageError[] }> {
  const { body } = await postGraphQL<InventoryPage>(platform.gatewayUrl, token, INVENTORY_PAGE);
  return { data: body.data, errors: (body.errors ?? []) as PageError[] };
}

/** Two identities, one owned by a team, once lifecycle and ownership have learnt of both. */
async function seedOwnedAndUnowned(): Promise<{ ownedId: string; unownedId: string }> {
  const identities = ['degraded-owned', 'degraded-unowned'].map((name) => ({
    kind: 'svc-account',
    name,
    provider: 'aws',
    externalId: `arn:aws:iam::123:role/${name}-${e2e.runId}`,
    environment: 'prd',
  }));
  await graphql(
    platform.gatewayUrl,
    token,
    `
      mutation ($input: IngestIdentitiesInput!) {
        ingestIdentities(input: $input) {
          created
        }
      }
    `,
    {
      input: { source: 'aws-config', identities },
    },
  );
  const ownerId = (
    await graphql<{ upsertOwner: { id: string } }>(
      platform.gatewayUrl,
      token,
      `
        mutation {
          upsertOwner(input: { externalRef: "team-degraded", kind: TEAM, name: "Team Degraded" }) {
            id
          }
        }
      `,
    )
  ).upsertOwner.id;
  const nodes = await waitFor(
    async () => {
      const { data } = await page();
      const found = data?.identities.edges.map((edge) => edge.node) ?? [];
      return found.length === 2 && found.every((node) => node.lifecycle !== null && node.ownershipStatus !== null) && found;
    },
    { timeoutMs: 60_000, intervalMs: 250, what: 'lifecycle and ownership to consume the inventory events' },
  );
  const byName = new Map(nodes.map((node) => [node.name, node.id]));
  const [ownedId, unownedId] = [byName.get('degraded-owned'), byName.get('degraded-unowned')];
  if (!ownedId || !unownedId) throw new Error('the seeded identities are not on the page');
  await waitFor(
    () =>
      graphql(
        platform.gatewayUrl,
        token,
        `
          mutation ($i: ID!, $o: ID!) {
            assignOwner(identityId: $i, ownerId: $o) {
              id
            }
          }
        `,
        {
          i: ownedId,
          o: ownerId,
        },
      ).then(() => true),
    { timeoutMs: 30_000, intervalMs: 250, what: 'ownership to accept the owner' },
  );
  return { ownedId, unownedId };
}

describe('the inventory page when ownership is down', () => {
  it('keeps its identities, nulls only the owner fields with a located error, and recovers when ownership returns', async () => {
    const { ownedId, unownedId } = await seedOwnedAndUnowned();
    const healthy = (node: PageNode) =>
      node.id === ownedId ? { ownershipStatus: 'OWNED', owner: { name: 'Team Degraded' } } : { ownershipStatus: 'UNASSIGNED', owner: null };

    const before = await page();
    expect(before.errors).toEqual([]);
    expect(before.data?.identities.totalCount).toBe(2);
    for (const { node } of before.data?.identities.edges ?? []) expect(node).toMatchObject(healthy(node));

    await stopService(platform, 'ownership', 'SIGTERM');

    const during = await page();
    // The page is still there: inventory's and lifecycle's fields answer, ownership's are null.
    expect(during.data?.identities.totalCount).toBe(2);
    const nodes = during.data?.identities.edges.map((edge) => edge.node) ?? [];
    expect(nodes.map((node) => node.id).sort()).toEqual([ownedId, unownedId].sort());
    for (const node of nodes) {
      expect(node).toMatchObject({ kind: 'SERVICE_ACCOUNT', ownershipStatus: null, owner: null, lifecycle: { state: 'ACTIVE' } });
    }
    // And each null field carries its own error, located, naming the subgraph: the client can tell why it is empty.
    const located = during.errors.map((error) => ({ path: (error.path ?? []).join('.'), code: error.extensions?.['code'] }));
    const expected = [0, 1].flatMap((row) =>
      ['ownershipStatus', 'owner'].map((field) => ({ path: `identities.edges.${row}.node.${field}`, code: 'SUBGRAPH_UNAVAILABLE' })),
    );
    expect(located).toHaveLength(expected.length);
    expect(located).toEqual(expect.arrayContaining(expected));
    expect(during.errors[0]?.message).toBe('Subgraph ownership is unavailable; the fields it adds are null in this answer');

    await ensureServiceRunning(platform, 'ownership');
    const after = await waitFor(
      async () => {
        const result = await page();
        return result.errors.length === 0 && result;
      },
      { timeoutMs: 30_000, intervalMs: 250, what: 'the page to recover once ownership is back' },
    );
    expect(after.data?.identities.totalCount).toBe(2);
    for (const { node } of after.data?.identities.edges ?? []) expect(node).toMatchObject(healthy(node));
  });
});
