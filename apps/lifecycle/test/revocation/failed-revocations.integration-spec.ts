import { randomUUID } from 'node:crypto';
import type { Actor } from '@nhi/auth';
import { ownershipAssignedData, subgraphSpec, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';
import { registerIntegrator, TEST_INTEGRATOR_SOURCE } from '../support/integrators';

// No clock ticks and no retries while the spec runs: the rows it writes stay as written.
const spec = subgraphSpec('lifecycle_failed_revocations', bootstrap, {
  env: { LIFECYCLE_TICK_MS: '0', ROTATION_RETRY_BASE_MS: '3600000' },
});

const HOUR_MS = 3_600_000;
const T0 = Date.now();
const hoursAgo = (hours: number) => new Date(T0 - hours * HOUR_MS);

interface Node {
  id: string;
  identityId: string;
  status: string;
  error: string | null;
  completedAt: string;
}
interface Connection {
  totalCount: number;
  edges: Array<{ cursor: string; node: Node }>;
  pageInfo: { hasNextPage: boolean; hasPreviousPage: boolean; endCursor: string | null };
}

const FAILED_REVOCATIONS = `query($filter: FailedRevocationsFilter, $first: Int, $after: String, $orderBy: FailedRevocationOrder) {
  failedRevocations(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
    totalCount
    edges { cursor node { id identityId status error completedAt } }
    pageInfo { hasNextPage hasPreviousPage endCursor }
  }
}`;

async function failedRevocations(variables: Record<string, unknown> = {}, actor?: Actor): Promise<Connection> {
  const result = await spec.subgraph.query<{ failedRevocations: Connection }>(FAILED_REVOCATIONS, variables, actor);
  expect(result.errors).toBeUndefined();
  return result.data!.failedRevocations;
}

const ids = (connection: Connection) => connection.edges.map((edge) => edge.node.id);

function discovered(businessUnit: string): Promise<string> {
  return spec.subgraph.discover('identity_lifecycle', { provider: 'demo', businessUnit });
}

/** Ownership says who owns the identity, as nhi.ownership.assigned carries it. */
async function ownedBy(identityId: string, ownerId: string): Promise<void> {
  const event = await spec.subgraph.publish('nhi.ownership.assigned', ownershipAssignedData(identityId, ownerId), 'ownership');
  await waitFor(async () => (await spec.subgraph.sql('SELECT 1 FROM inbox_events WHERE event_id = $1', [event.id])).length > 0, {
    what: 'the ownership event to be applied',
  });
}

/** A revocation attempt as the handshake leaves it: asked for at requestedAt, ended at completedAt. */
async function attempt(identityId: string, status: string, requestedAt: Date, completedAt: Date | null, attemptNo = 1): Promise<string> {
  const id = randomUUID();
  await spec.subgraph.sql(
    `INSERT INTO revocation_requests (id, identity_id, status, attempt, reason, requested_at, deadline, completed_at, error)
     VALUES ($1, $2, $3, $4, 'leaked in a ticket', $5, $6, $7, $8)`,
    [
      id,
      identityId,
      status,
      attemptNo,
      requestedAt,
      new Date(T0 + HOUR_MS),
      completedAt,
      status === 'FAILED' ? 'vault sealed' : status === 'TIMED_OUT' ? 'no result by the deadline' : null,
    ],
  );
  return id;
}

const BU_PAYMENTS = `payments-${randomUUID().slice(0, 8)}`;
const BU_SEARCH = `search-${randomUUID().slice(0, 8)}`;
const OWNER_X = randomUUID();
const OWNER_Y = randomUUID();

/** The seeded queue, oldest failure first, and what is not in it. */
const seeded = {
  a: '',
  b: '',
  c: '',
  d: '',
  h: '',
};

beforeAll(async () => {
  await registerIntegrator(spec.subgraph, TEST_INTEGRATOR_SOURCE);

  const [a, b, c, d, e, f, g, h] = [
    await discovered(BU_PAYMENTS),
    await discovered(BU_SEARCH),
    await discovered(BU_PAYMENTS),
    await discovered(BU_SEARCH),
    await discovered(BU_PAYMENTS),
    await discovered(BU_PAYMENTS),
    await discovered(BU_PAYMENTS),
    await discovered(BU_PAYMENTS),
  ] as [string, string, string, string, string, string, string, string];
  await ownedBy(a, OWNER_X);
  await ownedBy(b, OWNER_X);
  await ownedBy(c, OWNER_Y);
  await ownedBy(d, OWNER_Y);
  await ownedBy(h, OWNER_Y);

  // Inserted out of order: the queue orders by when each failed.
  seeded.c = await attempt(c, 'FAILED', hoursAgo(3.5), hoursAgo(3));
  seeded.a = await attempt(a, 'FAILED', hoursAgo(5.5), hoursAgo(5));
  seeded.d = await attempt(d, 'FAILED', hoursAgo(2.5), hoursAgo(2));
  seeded.b = await attempt(b, 'FAILED', hoursAgo(4.5), hoursAgo(4));
  // e failed first of all, but was asked for again since: its latest revocation is in progress.
  await attempt(e, 'FAILED', hoursAgo(6.5), hoursAgo(6));
  await attempt(e, 'REQUESTED', hoursAgo(0.5), null);
  // f's latest revocation timed out, g's was revoked after a failure: neither failed as it stands.
  await attempt(f, 'TIMED_OUT', hoursAgo(7.5), hoursAgo(7));
  await attempt(g, 'FAILED', hoursAgo(8.5), hoursAgo(8));
  await attempt(g, 'COMPLETED', hoursAgo(1.5), hoursAgo(1.4));
  // h failed twice: only its latest attempt is in the queue, at the time of that failure.
  await attempt(h, 'FAILED', hoursAgo(9.5), hoursAgo(9), 1);
  seeded.h = await attempt(h, 'FAILED', hoursAgo(1.2), hoursAgo(1), 2);
});

describe('failedRevocations', () => {
  it("lists each identity's latest revocation that failed, oldest failure first, with totalCount", async () => {
    const all = await failedRevocations();
    expect(ids(all)).toEqual([seeded.a, seeded.b, seeded.c, seeded.d, seeded.h]);
    expect(all.totalCount).toBe(5);
    expect(all.edges.every((edge) => edge.node.status === 'FAILED' && edge.node.error === 'vault sealed')).toBe(true);
    const failedAt = all.edges.map((edge) => Date.parse(edge.node.completedAt));
    expect(failedAt).toEqual([...failedAt].sort((x, y) => x - y));
    expect(all.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  });

  it('pages with after, neither repeating nor losing a request, and counts the whole queue on every page', async () => {
    const first = await failedRevocations({ first: 2 });
    expect(ids(first)).toEqual([seeded.a, seeded.b]);
    expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, endCursor: first.edges[1]!.cursor });
    expect(first.totalCount).toBe(5);

    const second = await failedRevocations({ first: 2, after: first.pageInfo.endCursor });
    expect(ids(second)).toEqual([seeded.c, seeded.d]);
    expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
    expect(second.totalCount).toBe(5);

    const last = await failedRevocations({ first: 2, after: second.pageInfo.endCursor });
    expect(ids(last)).toEqual([seeded.h]);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('sorts by failure or request time, latest first when asked, and pages in that order', async () => {
    const orderBy = { field: 'FAILED_AT', direction: 'DESC' };
    const first = await failedRevocations({ first: 2, orderBy });
    const rest = await failedRevocations({ first: 3, orderBy, after: first.pageInfo.endCursor });
    expect([...ids(first), ...ids(rest)]).toEqual([seeded.h, seeded.d, seeded.c, seeded.b, seeded.a]);
    expect(ids(await failedRevocations({ orderBy: { field: 'REQUESTED_AT', direction: 'DESC' } }))).toEqual([
      seeded.h,
      seeded.d,
      seeded.c,
      seeded.b,
      seeded.a,
    ]);

    const mixed = await spec.subgraph.query(FAILED_REVOCATIONS, {
      first: 2,
      orderBy: { field: 'REQUESTED_AT' },
      after: first.pageInfo.endCursor,
    });
    expect(mixed.errors?.[0]).toMatchObject({
      message: 'after was issued for another orderBy; start again without after',
      extensions: { code: 'BAD_USER_INPUT', field: 'after' },
    });
  });

  it('narrows to one business unit', async () => {
    const payments = await failedRevocations({ filter: { businessUnit: BU_PAYMENTS } });
    expect(ids(payments)).toEqual([seeded.a, seeded.c, seeded.h]);
    expect(payments.totalCount).toBe(3);

    const paged = await failedRevocations({ filter: { businessUnit: BU_PAYMENTS }, first: 1 });
    const next = await failedRevocations({ filter: { businessUnit: BU_PAYMENTS }, first: 2, after: paged.pageInfo.endCursor });
    expect([...ids(paged), ...ids(next)]).toEqual([seeded.a, seeded.c, seeded.h]);
    expect(next.totalCount).toBe(3);

    expect(await failedRevocations({ filter: { businessUnit: 'no-such-unit' } })).toMatchObject({ totalCount: 0, edges: [] });
  });

  it("narrows to the identities of one owner, and with a business unit to both, in the owner id's any case", async () => {
    const byX = await failedRevocations({ filter: { ownerId: OWNER_X } });
    expect(ids(byX)).toEqual([seeded.a, seeded.b]);
    expect(byX.totalCount).toBe(2);

    const byY = await failedRevocations({ filter: { ownerId: OWNER_Y.toUpperCase() } });
    expect(ids(byY)).toEqual([seeded.c, seeded.d, seeded.h]);
    expect(byY.totalCount).toBe(3);

    const both = await failedRevocations({ filter: { ownerId: OWNER_Y, businessUnit: BU_SEARCH } });
    expect(ids(both)).toEqual([seeded.d]);
    expect(both.totalCount).toBe(1);
  });

  it('refuses an owner id or a cursor it cannot use, without quoting either', async () => {
    const badOwner = await spec.subgraph.query(FAILED_REVOCATIONS, { filter: { ownerId: 'team-payments-secret' } });
    expect(badOwner.errors?.[0]?.message).toBe('filter.ownerId is not an id this API issued (a UUID)');
    expect(badOwner.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(badOwner)).not.toContain('team-payments-secret');

    const forged = Buffer.from(JSON.stringify(['soon', 'not-an-id'])).toString('base64url');
    const badCursor = await spec.subgraph.query(FAILED_REVOCATIONS, { after: forged });
    expect(badCursor.errors?.[0]?.message).toMatch(/^after is not a cursor this API issued/);
    expect(JSON.stringify(badCursor)).not.toContain('not-an-id');

    const tooMany = await spec.subgraph.query(FAILED_REVOCATIONS, { first: 501 });
    expect(tooMany.errors?.[0]?.message).toBe('first must be a whole number from 1 to 500');
  });

  it('is open to every role that reads the graph and refused to one that does not', async () => {
    const viewer: Actor = { sub: 'vera', roles: ['viewer'], ownerRefs: [] };
    const auditor: Actor = { sub: 'aud', roles: ['auditor'], ownerRefs: [] };
    expect((await failedRevocations({}, viewer)).totalCount).toBe(5);
    expect((await failedRevocations({}, auditor)).totalCount).toBe(5);

    const integrator: Actor = { sub: 'revoker', roles: ['integrator'], ownerRefs: [] };
    const refused = await spec.subgraph.query<{ failedRevocations: Connection }>(FAILED_REVOCATIONS, {}, integrator);
    expect(refused.status).toBe(403);
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('FORBIDDEN');
    expect(refused.errors?.[0]?.message).toMatch(/^Forbidden: /);
    expect(refused.data?.failedRevocations).toBeUndefined();
  });

  it('lists a revocation the integrator answered with nhi.revocation.failed, last as the newest failure', async () => {
    const businessUnit = `ops-${randomUUID().slice(0, 8)}`;
    const identityId = await discovered(businessUnit);
    const asked = await spec.subgraph.query<{ requestRevocation: { id: string } }>(
      'mutation($id: ID!) { requestRevocation(identityId: $id, reason: "owner left") { id } }',
      { id: identityId },
    );
    expect(asked.errors).toBeUndefined();
    const requestId = asked.data!.requestRevocation.id;
    expect((await failedRevocations({ filter: { businessUnit } })).totalCount).toBe(0);

    const failed = await spec.subgraph.publish(
      'nhi.revocation.failed',
      { requestId, nhiId: identityId, error: 'credential is locked by a legal hold' },
      'integrator',
    );
    await waitFor(async () => (await spec.subgraph.sql('SELECT 1 FROM inbox_events WHERE event_id = $1', [failed.id])).length > 0, {
      what: 'the failed result to be applied',
    });

    const queue = await failedRevocations({ filter: { businessUnit } });
    expect(queue.totalCount).toBe(1);
    expect(queue.edges[0]?.node).toMatchObject({
      id: requestId,
      identityId,
      status: 'FAILED',
      error: 'credential is locked by a legal hold',
    });
    expect(ids(await failedRevocations({ first: 500 })).at(-1)).toBe(requestId);
  });
});
