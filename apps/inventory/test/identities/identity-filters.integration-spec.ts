import { subgraphSpec } from '@nhi/testing';
import { bootstrap } from '../../src/main';
import { InventoryClient } from '../support/inventory-client';

const inventory = subgraphSpec('identity_filters', bootstrap);
const client = new InventoryClient(inventory);

const PAGE = `
  query($filter: IdentityFilter) {
    identities(first: 50, filter: $filter) { totalCount edges { node { name } } }
  }`;

beforeAll(async () => {
  await client.ingest('estate', [
    {
      ...{ provider: 'aws', externalId: 'arn:aws:iam::111122223333:role/Ledger', kind: 'role', name: 'ledger-writer', environment: 'prod' },
      ...{
        scopes: ['AdministratorAccess'],
        tags: [
          { key: 'team', value: 'payments' },
          { key: 'tier', value: 'gold' },
        ],
        expiresAt: '2031-06-01T00:00:00Z',
      },
    },
    {
      ...{ provider: 'stripe', externalId: 'rk_batch', kind: 'api key', name: 'batch-key', environment: 'prod' },
      ...{ tags: [{ key: 'team', value: 'payments' }], expiresAt: '2030-01-01T00:00:00Z' },
    },
    // A production key that never expires: an open NHI7 finding, HIGH.
    { provider: 'stripe', externalId: 'rk_old', kind: 'api key', name: 'old-key', environment: 'prod' },
    {
      provider: 'gcp',
      externalId: 'search-bot@p.iam.gserviceaccount.com',
      kind: 'service account',
      name: 'search-bot',
      tags: [{ key: 'team', value: 'search' }],
    },
  ]);
});

async function names(filter: Record<string, unknown>): Promise<string[]> {
  const result = await inventory.subgraph.query<{ identities: { totalCount: number; edges: Array<{ node: { name: string } }> } }>(PAGE, {
    filter,
  });
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  expect(result.data.identities.totalCount).toBe(result.data.identities.edges.length);
  return result.data.identities.edges.map((edge) => edge.node.name);
}

describe('identities(filter:) on what inventory owns', () => {
  it.each([
    [{ tags: [{ key: 'team', value: 'payments' }] }, ['batch-key', 'ledger-writer']],
    [{ tags: [{ key: 'tier' }] }, ['ledger-writer']],
    [
      {
        tags: [
          { key: 'team', value: 'payments' },
          { key: 'tier', value: 'silver' },
        ],
      },
      [],
    ],
    [{ tags: [{ key: 'TEAM', value: 'payments' }] }, []],
    [{ expiresBefore: '2030-06-01T00:00:00Z' }, ['batch-key']],
    [{ expiresAfter: '2030-06-01T00:00:00Z' }, ['ledger-writer']],
    [{ expiresAfter: '2029-01-01T00:00:00Z', expiresBefore: '2032-01-01T00:00:00Z' }, ['batch-key', 'ledger-writer']],
    [{ privilegeLevel: ['ADMIN'] }, ['ledger-writer']],
    [{ findingCategory: ['NHI7'], minFindingSeverity: 'HIGH' }, ['old-key']],
    [{ findingCategory: ['NHI7'], minFindingSeverity: 'CRITICAL' }, []],
    [{ search: 'LEDGER' }, ['ledger-writer']],
    [{ search: '111122223333' }, ['ledger-writer']],
    [{ search: 'team=search' }, ['search-bot']],
    [{ search: 'payments gold' }, ['ledger-writer']],
    [{ search: 'payments key' }, ['batch-key']],
    [{ search: 'rk_%' }, []],
  ])('filters by %j', async (filter, expected) => {
    expect(await names(filter)).toEqual(expected);
  });
});
