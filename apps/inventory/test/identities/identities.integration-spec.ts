import { subgraphSpec } from '@nhi/testing';
import { bootstrap } from '../../src/main';
import { FOLD_COUNTS_SQL } from '../../src/identities/identity-counts';
import { InventoryClient } from '../support/inventory-client';

const inventory = subgraphSpec('identities', bootstrap);
const client = new InventoryClient(inventory);

const PAGE = `
  query($first: Int, $after: String, $filter: IdentityFilter, $orderBy: IdentityOrder) {
    identities(first: $first, after: $after, filter: $filter, orderBy: $orderBy) {
      totalCount
      edges { cursor node { name provider environment } }
      pageInfo { hasNextPage hasPreviousPage endCursor }
    }
  }`;

interface Page {
  identities: {
    totalCount: number;
    edges: Array<{ cursor: string; node: { name: string; provider: string; environment: string } }>;
    pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
  };
}

beforeAll(async () => {
  await client.ingest('estate', [
    { provider: 'aws', externalId: 'r-1', kind: 'role', name: 'alpha-prd', scopes: ['s3:*'] },
    { provider: 'aws', externalId: 'r-2', kind: 'role', name: 'bravo', environment: 'stg' },
    { provider: 'gcp', externalId: 'sa-1', kind: 'service account', name: 'charlie', environment: 'prd' },
    { provider: 'github', externalId: 'pat-1', kind: 'pat', name: 'delta token', environment: 'dev' },
    { provider: 'azure', externalId: 'app-1', kind: 'service principal', name: 'echo', environment: 'prod', businessUnit: 'Finance' },
  ]);
});

async function page(variables: Record<string, unknown>): Promise<Page['identities']> {
  const result = await inventory.subgraph.query<Page>(PAGE, variables);
  if (!result.data) throw new Error(JSON.stringify(result.errors));
  return result.data.identities;
}

describe('identities connection', () => {
  it('pages through everything in name order with cursors, and counts all of it', async () => {
    const first = await page({ first: 2 });
    const second = await page({ first: 2, after: first.pageInfo.endCursor });
    const third = await page({ first: 2, after: second.pageInfo.endCursor });

    expect([first, second, third].flatMap((p) => p.edges.map((e) => e.node.name))).toEqual([
      'alpha-prd',
      'bravo',
      'charlie',
      'delta token',
      'echo',
    ]);
    expect(first).toMatchObject({ totalCount: 5, pageInfo: { hasNextPage: true, hasPreviousPage: false } });
    expect(third.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('orders the other way', async () => {
    const result = await page({ first: 2, orderBy: { field: 'NAME', direction: 'DESC' } });

    expect(result.edges.map((e) => e.node.name)).toEqual(['echo', 'delta token']);
  });

  it('refuses a cursor issued for another order instead of skipping rows, and keeps the default order cursors', async () => {
    const byName = await page({ first: 2 });
    const mixed = await inventory.subgraph.query(PAGE, { first: 2, after: byName.pageInfo.endCursor, orderBy: { field: 'LAST_SEEN_AT' } });
    expect(mixed.errors?.[0]).toMatchObject({
      message: 'after was issued for another orderBy; start again without after',
      extensions: { code: 'BAD_USER_INPUT', field: 'after' },
    });
    const spelledOut = await page({ first: 2, after: byName.pageInfo.endCursor, orderBy: { field: 'NAME', direction: 'ASC' } });
    expect(spelledOut.edges.map((e) => e.node.name)).toEqual(['charlie', 'delta token']);
  });

  it.each([
    [{ provider: ['Amazon Web Services'] }, ['alpha-prd', 'bravo']],
    [{ environment: ['PRODUCTION'] }, ['alpha-prd', 'charlie', 'echo']],
    [{ kind: ['ACCESS_TOKEN'] }, ['delta token']],
    [{ businessUnit: ['Finance'] }, ['echo']],
    [{ nameContains: 'TOKEN' }, ['delta token']],
    [{ findingCategory: ['NHI5'] }, ['alpha-prd']],
    [{ source: 'estate', environment: ['STAGING'] }, ['bravo']],
  ])('filters by %j', async (filter, names) => {
    const result = await page({ filter });

    expect(result.edges.map((e) => e.node.name)).toEqual(names);
    expect(result.totalCount).toBe(names.length);
  });

  it('explains a bad page size and a forged cursor', async () => {
    expect((await inventory.subgraph.query(PAGE, { first: 100000 })).errors?.[0]?.message).toBe(
      'first must be a whole number from 1 to 500',
    );
    expect((await inventory.subgraph.query(PAGE, { after: 'bm90LWEtY3Vyc29y' })).errors?.[0]?.message).toMatch(
      /after is not a cursor this API issued/,
    );
  });
});

describe('decommissionIdentity', () => {
  const DECOMMISSION = `mutation($id: ID!, $reason: String!) { decommissionIdentity(id: $id, reason: $reason) { status decommissionedBy decommissionReason } }`;

  it('records who and why, emits an event, closes the findings, and refuses to do it twice', async () => {
    const identity = await client.identity('aws', 'r-1');
    expect(identity?.findings).not.toEqual([]);

    const result = await inventory.subgraph.query<{ decommissionIdentity: unknown }>(DECOMMISSION, {
      id: identity!.id,
      reason: '  replaced by role r-9 ',
    });

    expect(result.data?.decommissionIdentity).toEqual({
      status: 'DECOMMISSIONED',
      decommissionedBy: 'test-admin',
      decommissionReason: 'replaced by role r-9',
    });
    expect((await client.identity('aws', 'r-1'))?.findings).toEqual([]);
    expect(await client.eventTypes(identity!.id)).toEqual(expect.arrayContaining(['nhi.identity.decommissioned', 'nhi.finding.closed']));
    const again = await inventory.subgraph.query(DECOMMISSION, { id: identity!.id, reason: 'again' });
    expect(again.errors?.[0]?.message).toMatch(/was already decommissioned on .* by test-admin/);
  });

  it('requires a reason and an identity that exists', async () => {
    const identity = await client.identity('aws', 'r-2');

    expect((await inventory.subgraph.query(DECOMMISSION, { id: identity!.id, reason: '   ' })).errors?.[0]?.message).toMatch(
      /reason is required/,
    );
    expect(
      (await inventory.subgraph.query(DECOMMISSION, { id: '7d1b7a52-0000-4000-8000-000000000000', reason: 'x' })).errors?.[0],
    ).toMatchObject({
      message: 'no identity has this id',
      extensions: { code: 'NOT_FOUND' },
    });
  });
});

describe('federation', () => {
  it('resolves many references in one request, in order, with null for unknown ids', async () => {
    const a = (await client.identity('gcp', 'sa-1'))!.id;
    const b = (await client.identity('azure', 'app-1'))!.id;
    const unknown = '7d1b7a52-0000-4000-8000-000000000001';

    const result = await inventory.subgraph.query<{ _entities: Array<{ id: string; name: string } | null> }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on NonHumanIdentity { id name } } }`,
      { r: [b, unknown, a].map((id) => ({ __typename: 'NonHumanIdentity', id })) },
    );

    expect(result.data!._entities).toEqual([{ id: b, name: 'echo' }, null, { id: a, name: 'charlie' }]);
  });

  it('refuses a call without the gateway signature, even for the service SDL', async () => {
    const response = await fetch(`${inventory.subgraph.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    });

    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({
      errors: [{ message: 'missing x-nhi-actor header: requests must come through the gateway', extensions: { code: 'UNAUTHENTICATED' } }],
    });
  });

  it('serves /health without a signature and reports database and Kafka', async () => {
    const response = await fetch(`${inventory.subgraph.url}/health`);

    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok', details: { database: { status: 'up' }, kafka: { status: 'up' } } });
  });
});

describe('GET /metrics', () => {
  it('serves the process and the SQL statements sent, which a page moves by its statements', async () => {
    const statements = async () => {
      const response = await fetch(`${inventory.subgraph.url}/metrics`);
      expect(response.status).toBe(200);
      const text = await response.text();
      expect(text).toContain('nhi_process_cpu_seconds_total');
      return Number(/^nhi_db_statements_total (\d+)$/m.exec(text)?.[1]);
    };
    const before = await statements();

    await page({ first: 3 });

    // The page and its count; the relay's polls may add a few of their own meanwhile.
    expect(await statements()).toBeGreaterThanOrEqual(before + 2);
  });
});

describe('totalCount', () => {
  const total = async (filter: Record<string, unknown> = {}) => (await page({ first: 1, filter })).totalCount;
  const counted = async (where: string) =>
    (await inventory.subgraph.sql<{ n: number }>(`SELECT count(*)::int AS n FROM identities WHERE ${where}`))[0]?.n;
  const filters: Array<[Record<string, unknown>, string]> = [
    [{}, 'true'],
    [{ status: ['DECOMMISSIONED'] }, `status = 'DECOMMISSIONED'`],
    [{ status: ['ACTIVE', 'STALE'] }, `status IN ('ACTIVE', 'STALE')`],
    [
      { provider: ['Amazon Web Services'], environment: ['PRODUCTION', 'STAGING'] },
      `provider = 'aws' AND environment IN ('PRODUCTION', 'STAGING')`,
    ],
    [{ kind: ['SERVICE_ACCOUNT', 'ACCESS_TOKEN'] }, `kind IN ('SERVICE_ACCOUNT', 'ACCESS_TOKEN')`],
    [{ businessUnit: ['Finance'], status: ['ACTIVE'] }, `business_unit = 'Finance' AND status = 'ACTIVE'`],
  ];

  it('stays exact through ingest, staleness, decommissioning and folding, without counting the identities', async () => {
    // A full snapshot without bravo: bravo goes stale; foxtrot is new; alpha-prd was decommissioned above.
    await client.ingest('estate', [
      { provider: 'aws', externalId: 'r-1', kind: 'role', name: 'alpha-prd', scopes: ['s3:*'] },
      { provider: 'aws', externalId: 'r-3', kind: 'role', name: 'foxtrot', environment: 'prod', businessUnit: 'Finance' },
      { provider: 'gcp', externalId: 'sa-1', kind: 'service account', name: 'charlie', environment: 'prd' },
      { provider: 'github', externalId: 'pat-1', kind: 'pat', name: 'delta token', environment: 'dev' },
      { provider: 'azure', externalId: 'app-1', kind: 'service principal', name: 'echo', environment: 'prod', businessUnit: 'Finance' },
    ]);

    expect(await total()).toBe(6);
    for (const [filter, where] of filters) expect({ filter, total: await total(filter) }).toEqual({ filter, total: await counted(where) });
    expect(await counted(`status = 'DECOMMISSIONED'`)).toBe(1);

    await inventory.subgraph.sql(FOLD_COUNTS_SQL);

    const [rows] = await inventory.subgraph.sql<{ deltas: number; keys: number }>(
      `SELECT (SELECT count(*)::int FROM identity_count_deltas) AS deltas,
              (SELECT count(*)::int FROM (SELECT DISTINCT kind, provider, environment, business_unit, status FROM identities) k) AS keys`,
    );
    expect(rows?.deltas).toBe(rows?.keys);
    for (const [filter, where] of filters) expect({ filter, total: await total(filter) }).toEqual({ filter, total: await counted(where) });
  });
});

describe('details', () => {
  it('loads permissions, credentials and privilege reasons only when asked, for every identity of the request at once', async () => {
    const rows = await inventory.subgraph.sql<{ id: string; privilege_reasons: unknown[] }>(
      `SELECT id, privilege_reasons FROM identities WHERE privilege_level IS NOT NULL ORDER BY id`,
    );
    expect(rows.length).toBeGreaterThan(0);

    const result = await inventory.subgraph.query<{
      _entities: Array<{ privilege: { level: string; reasons: Array<{ rule: string; evidence: string }> }; permissions: string[] }>;
    }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on NonHumanIdentity { privilege { level reasons { rule evidence } } permissions } } }`,
      {
        r: rows.map(({ id }) => ({ __typename: 'NonHumanIdentity', id })),
      },
    );

    expect(result.data?._entities.map((e) => e.privilege.reasons)).toEqual(rows.map((row) => row.privilege_reasons));
    expect(result.data?._entities.every((e) => Array.isArray(e.permissions))).toBe(true);
  });
});
