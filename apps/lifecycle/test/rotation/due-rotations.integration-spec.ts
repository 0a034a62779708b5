import { randomUUID } from 'node:crypto';
import { TOPICS } from '@nhi/contracts';
import type { IdentitySnapshot } from '@nhi/contracts';
import { ownershipAssignedData, subgraphSpec, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';

const spec = subgraphSpec('lifecycle_due', bootstrap, {
  env: { LIFECYCLE_TICK_MS: '100' },
  tap: [TOPICS.rotationRequests, TOPICS.lifecycleEvents],
});
const DAY_MS = 86_400_000;

beforeAll(async () => {
  const policy = await spec.subgraph.query(
    'mutation { upsertRotationPolicy(input: { name: "auto secrets", kind: ["SECRET"], maxAgeDays: 30, warnDays: 5, autoRotate: true }) { id } }',
  );
  if (policy.errors) throw new Error(JSON.stringify(policy.errors));
});

function discovered(overrides: Partial<IdentitySnapshot>): Promise<string> {
  return spec.subgraph.discover('identity_lifecycle', overrides);
}

const eventsAbout = (identityId: string, topic: string = TOPICS.lifecycleEvents) =>
  spec.tap.messages
    .filter((m) => m.topic === spec.subgraph.topic(topic) && m.key === identityId)
    .map((m) => JSON.parse(m.value ?? '{}') as { type: string; data: Record<string, unknown> });

async function list(query: 'dueRotations' | 'overdueRotations' | 'failedRotations'): Promise<string[]> {
  const result = await spec.subgraph.query<Record<string, { edges: Array<{ node: { id: string } }> }>>(
    `{ ${query}(first: 500) { edges { node { id } } } }`,
  );
  return result.data?.[query]?.edges.map((e) => e.node.id) ?? [];
}

describe('due dates, warnings, auto-rotation and expiry', () => {
  it('requests a rotation when an auto-rotating policy falls due, and lists it as overdue', async () => {
    // Half a day past the whole day: the clock's tick may have taken its "now" just before this line ran.
    const identityId = await discovered({ kind: 'SECRET', createdAt: new Date(Date.now() - 31.5 * DAY_MS).toISOString() });

    const [request] = await waitFor(
      () => eventsAbout(identityId, TOPICS.rotationRequests).length > 0 && eventsAbout(identityId, TOPICS.rotationRequests),
      {
        what: 'the automatic rotation request',
      },
    );
    expect(request?.data['reason']).toMatch(/^due under policy "auto secrets" \(max age 30 days, 1 days overdue\)$/);
    // The request and the due event are on two topics: one may arrive before the other.
    const due = await waitFor(() => eventsAbout(identityId).find((e) => e.type === 'nhi.credential.rotation-due'), {
      what: 'the rotation-due event',
    });
    expect(due.data).toMatchObject({
      warning: false,
      policy: 'auto secrets',
      autoRotate: true,
    });
    expect(await list('overdueRotations')).toContain(identityId);
  });

  it('warns once, warnDays before the due date', async () => {
    const identityId = await discovered({ kind: 'SECRET', createdAt: new Date(Date.now() - 27 * DAY_MS).toISOString() });

    await waitFor(() => eventsAbout(identityId).some((e) => e.type === 'nhi.credential.rotation-due'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(eventsAbout(identityId).filter((e) => e.type === 'nhi.credential.rotation-due')).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ warning: true }) }),
    ]);
    expect(eventsAbout(identityId, TOPICS.rotationRequests)).toEqual([]);
  });

  it('marks a due identity ROTATION_DUE without requesting anything when its policy does not auto-rotate', async () => {
    const identityId = await discovered({ kind: 'API_KEY', createdAt: new Date(Date.now() - 100 * DAY_MS).toISOString() });

    await waitFor(async () => (await list('dueRotations')).includes(identityId), { what: 'the identity to be listed as due' });
    expect(eventsAbout(identityId, TOPICS.rotationRequests)).toEqual([]);
  });

  it('expires a credential past its expiry date, with an event', async () => {
    const expiresAt = new Date(Date.now() - 1000).toISOString();
    const identityId = await discovered({ kind: 'CERTIFICATE', expiresAt });

    const expired = await waitFor(() => eventsAbout(identityId).find((e) => e.type === 'nhi.credential.expired'));
    expect(expired.data).toMatchObject({ identityId, expiresAt });
    const [row] = await spec.subgraph.sql<{ state: string }>('SELECT state FROM identity_lifecycle WHERE identity_id = $1', [identityId]);
    expect(row?.state).toBe('EXPIRED');
  });
});

describe('rotation queues by business unit and owner', () => {
  it('lists only the identities of the business unit or the owner asked for, with totalCount', async () => {
    const businessUnit = `bu-${randomUUID().slice(0, 8)}`;
    const ownerId = randomUUID();
    const createdAt = new Date(Date.now() - 100 * DAY_MS).toISOString();
    const inUnit = await discovered({ kind: 'API_KEY', businessUnit, createdAt });
    const owned = await discovered({ kind: 'API_KEY', businessUnit, createdAt });
    const elsewhere = await discovered({ kind: 'API_KEY', businessUnit: `${businessUnit}-other`, createdAt });
    await spec.subgraph.publish('nhi.ownership.assigned', ownershipAssignedData(owned, ownerId), 'ownership');
    const due = (filter: Record<string, unknown>) =>
      spec.subgraph.query<{ dueRotations: { totalCount: number; edges: Array<{ node: { id: string } }> } }>(
        'query($filter: RotationQueueFilter) { dueRotations(filter: $filter, first: 500) { totalCount edges { node { id } } } }',
        { filter },
      );

    const unit = await waitFor(
      async () => {
        const result = (await due({ businessUnit })).data?.dueRotations;
        return result?.totalCount === 2 && result;
      },
      { what: 'both identities of the unit to fall due' },
    );
    expect(unit.edges.map((e) => e.node.id).sort()).toEqual([inUnit, owned].sort());
    expect(unit.edges.map((e) => e.node.id)).not.toContain(elsewhere);
    const byOwner = await waitFor(
      async () => {
        const ids = (await due({ ownerId })).data?.dueRotations.edges.map((e) => e.node.id);
        return ids?.length === 1 && ids;
      },
      { what: "lifecycle to learn the identity's owner" },
    );
    expect(byOwner).toEqual([owned]);
    const refused = await due({ ownerId: 'payments-team' });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'filter.ownerId' } });
  });

  it('sorts by privilege or due date, either way, and pages in that order', async () => {
    const businessUnit = `bu-${randomUUID().slice(0, 8)}`;
    const dueSince = (days: number) => new Date(Date.now() - days * DAY_MS).toISOString();
    // Created oldest first, so due soonest first: admin, low, unknown, high.
    const admin = await discovered({ kind: 'API_KEY', businessUnit, privilegeLevel: 'ADMIN', createdAt: dueSince(100) });
    const low = await discovered({ kind: 'API_KEY', businessUnit, privilegeLevel: 'LOW', createdAt: dueSince(95) });
    const unknown = await discovered({ kind: 'API_KEY', businessUnit, privilegeLevel: null, createdAt: dueSince(92) });
    const high = await discovered({ kind: 'API_KEY', businessUnit, privilegeLevel: 'HIGH', createdAt: dueSince(90) });
    type Page = {
      totalCount: number;
      edges: Array<{ node: { id: string } }>;
      pageInfo: { hasNextPage: boolean; endCursor: string | null };
    };
    const due = async (orderBy: Record<string, unknown> | null, after: string | null = null) => {
      const result = await spec.subgraph.query<{ dueRotations: Page }>(
        `query($filter: RotationQueueFilter, $orderBy: RotationQueueOrder, $after: String) {
          dueRotations(filter: $filter, orderBy: $orderBy, first: 2, after: $after) { totalCount edges { node { id } } pageInfo { hasNextPage endCursor } }
        }`,
        { filter: { businessUnit }, orderBy, after },
      );
      if (!result.data) throw new Error(JSON.stringify(result.errors));
      return result.data.dueRotations;
    };
    const everyPage = async (orderBy: Record<string, unknown> | null) => {
      const ids: string[] = [];
      let after: string | null = null;
      do {
        const page: Page = await due(orderBy, after);
        ids.push(...page.edges.map((e) => e.node.id));
        after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
      } while (after);
      return ids;
    };
    await waitFor(async () => (await due(null)).totalCount === 4, { what: 'the four identities to fall due' });

    expect(await everyPage(null)).toEqual([admin, low, unknown, high]);
    expect(await everyPage({ field: 'DUE_AT', direction: 'DESC' })).toEqual([high, unknown, low, admin]);
    expect(await everyPage({ field: 'PRIVILEGE_LEVEL', direction: 'DESC' })).toEqual([admin, high, low, unknown]);
    expect(await everyPage({ field: 'PRIVILEGE_LEVEL' })).toEqual([unknown, low, high, admin]);
  });
});
