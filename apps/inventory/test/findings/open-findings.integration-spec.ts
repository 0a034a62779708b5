import { subgraphSpec } from '@nhi/testing';
import { bootstrap } from '../../src/main';
import { InventoryClient } from '../support/inventory-client';

const inventory = subgraphSpec('open_findings', bootstrap);
const client = new InventoryClient(inventory);

const QUEUE = `
  query($filter: OpenFindingsFilter, $first: Int, $after: String, $orderBy: FindingOrder) {
    openFindings(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
      totalCount
      edges { cursor node { category code severity detectedAt identity { name businessUnit } } }
      pageInfo { hasNextPage endCursor }
    }
  }`;

interface Queue {
  openFindings: {
    totalCount: number;
    edges: Array<{
      cursor: string;
      node: {
        category: string;
        code: string;
        severity: string;
        detectedAt: string;
        identity: { name: string; businessUnit: string | null } | null;
      };
    }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

async function queue(variables: Record<string, unknown>): Promise<Queue['openFindings']> {
  const result = await inventory.subgraph.query<Queue>(QUEUE, variables);
  expect(result.errors).toBeUndefined();
  return result.data!.openFindings;
}

beforeAll(async () => {
  await client.ingest('estate', [
    // Keys without expiry: NHI7 NO_EXPIRY, HIGH in production and lower elsewhere.
    { provider: 'stripe', externalId: 'k-pay-1', kind: 'api key', name: 'pay-prod-key', environment: 'prod', businessUnit: 'Payments' },
    { provider: 'stripe', externalId: 'k-pay-2', kind: 'api key', name: 'pay-dev-key', environment: 'dev', businessUnit: 'Payments' },
    { provider: 'stripe', externalId: 'k-hr-1', kind: 'api key', name: 'hr-prod-key', environment: 'prod', businessUnit: 'People' },
    // Admin scopes: NHI5.
    {
      provider: 'aws',
      externalId: 'r-pay-admin',
      kind: 'role',
      name: 'pay-admin',
      environment: 'prod',
      businessUnit: 'Payments',
      scopes: ['AdministratorAccess'],
    },
  ]);
});

describe('openFindings', () => {
  it('lists the open findings of one business unit, most severe first, each with its identity, and counts them', async () => {
    const payments = await queue({ filter: { businessUnit: 'Payments' } });
    expect(payments.totalCount).toBe(payments.edges.length);
    expect(new Set(payments.edges.map((e) => e.node.identity?.businessUnit))).toEqual(new Set(['Payments']));
    expect(payments.edges.map((e) => e.node.identity?.name)).toEqual(expect.arrayContaining(['pay-prod-key', 'pay-dev-key', 'pay-admin']));
    const RANK: Record<string, number> = { LOW: 1, MEDIUM: 2, HIGH: 3, CRITICAL: 4 };
    const ranks = payments.edges.map((e) => RANK[e.node.severity] ?? 0);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));

    const everyone = await queue({});
    expect(everyone.totalCount).toBeGreaterThan(payments.totalCount);
  });

  it('pages with cursors without repeating or losing a finding', async () => {
    const all = await queue({ first: 500 });
    const seen: string[] = [];
    let after: string | null = null;
    do {
      const page = await queue({ first: 2, after });
      expect(page.edges.length).toBeLessThanOrEqual(2);
      seen.push(...page.edges.map((e) => `${e.node.identity?.name}:${e.node.code}`));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(seen).toEqual(all.edges.map((e) => `${e.node.identity?.name}:${e.node.code}`));
  });

  it('filters by category and by minimum severity', async () => {
    const privilege = await queue({ filter: { categories: ['NHI5'] } });
    expect(privilege.edges.map((e) => `${e.node.identity?.name}:${e.node.category}`)).toEqual(['pay-admin:NHI5']);

    const all = await queue({ first: 500 });
    const high = await queue({ filter: { minSeverity: 'HIGH' }, first: 500 });
    expect(high.edges.every((e) => ['HIGH', 'CRITICAL'].includes(e.node.severity))).toBe(true);
    expect(high.totalCount).toBe(all.edges.filter((e) => ['HIGH', 'CRITICAL'].includes(e.node.severity)).length);
  });

  it('sorts by detection time or severity, either way, and pages in that order; a cursor from another order is refused', async () => {
    const key = (e: Queue['openFindings']['edges'][number]) => `${e.node.identity?.name}:${e.node.code}`;
    const every = async (orderBy: Record<string, unknown>) => {
      const seen: Array<Queue['openFindings']['edges'][number]> = [];
      let after: string | null = null;
      do {
        const page = await queue({ first: 2, after, orderBy });
        seen.push(...page.edges);
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      return seen;
    };
    const byDefault = (await queue({ first: 500 })).edges;

    const newest = await every({ field: 'DETECTED_AT', direction: 'DESC' });
    const times = newest.map((e) => Date.parse(e.node.detectedAt));
    expect(times).toEqual([...times].sort((a, b) => b - a));
    expect(newest.map(key).sort()).toEqual(byDefault.map(key).sort());
    expect((await every({ field: 'DETECTED_AT' })).map(key)).toEqual(newest.map(key).reverse());
    // Least severe first is the default order read backwards.
    expect((await every({ field: 'SEVERITY', direction: 'ASC' })).map(key)).toEqual(byDefault.map(key).reverse());
    expect((await every({ field: 'SEVERITY', direction: 'DESC' })).map(key)).toEqual(byDefault.map(key));

    const firstPage = await queue({ first: 1 });
    const mixed = await inventory.subgraph.query(QUEUE, {
      first: 1,
      after: firstPage.pageInfo.endCursor,
      orderBy: { field: 'DETECTED_AT' },
    });
    expect(mixed.errors?.[0]).toMatchObject({
      message: 'after was issued for another orderBy; start again without after',
      extensions: { code: 'BAD_USER_INPUT', field: 'after' },
    });
  });

  it('refuses a cursor it did not issue, without quoting it', async () => {
    const forged = Buffer.from(JSON.stringify(['9|not-a-date', 'x'])).toString('base64url');
    const result = await inventory.subgraph.query(QUEUE, { after: forged });
    expect(result.errors?.[0]).toMatchObject({ message: expect.stringMatching(/^after is not a cursor this API issued/) });
    expect(result.errors?.[0]?.message).not.toContain('not-a-date');
  });
});
