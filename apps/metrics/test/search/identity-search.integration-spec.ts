import { randomUUID } from 'node:crypto';
import type { IdentitySnapshot } from '@nhi/contracts';
import { identityDiscoveredData, identitySnapshot, ownershipAssignedData, subgraphSpec, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';

const spec = subgraphSpec('metrics', bootstrap, { env: { SEARCH_REFRESH_MS: '200' } });

const SEARCH = `
  query($filter: IdentitySearchFilter, $first: Int, $after: String) {
    identitySearch(filter: $filter, first: $first, after: $after) {
      totalCount
      edges { cursor node { id } }
      pageInfo { hasNextPage endCursor }
      facets { kind { value count } lifecycleState { value count } ownershipStatus { value count } findingCategory { value count } }
    }
  }`;

interface Facet {
  value: string | null;
  count: number;
}
interface Search {
  identitySearch: {
    totalCount: number;
    edges: Array<{ cursor: string; node: { id: string } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    facets: { kind: Facet[]; lifecycleState: Facet[]; ownershipStatus: Facet[]; findingCategory: Facet[] };
  };
}

const at = (day: number) => new Date(Date.UTC(2026, 10, day)).toISOString();

describe('identitySearch and identityFacets', () => {
  const unit = `Search-${randomUUID().slice(0, 8)}`;
  const search = async (filter: Record<string, unknown>, first = 10, after?: string) => {
    const result = await spec.subgraph.query<Search>(SEARCH, { filter: { businessUnit: [unit], ...filter }, first, after });
    expect(result.errors).toBeUndefined();
    return result.data!.identitySearch;
  };
  const ids = (page: Search['identitySearch']) => page.edges.map((edge) => edge.node.id);
  const discover = async (overrides: Partial<IdentitySnapshot>) => {
    const data = identityDiscoveredData({ businessUnit: unit, ...overrides }, at(1));
    await spec.subgraph.publish('nhi.identity.discovered', data);
    return data.identity;
  };

  it('filters across inventory, ownership and lifecycle facts, counts facets for the same filter, and follows later events', async () => {
    const owner = randomUUID();
    const ledger = await discover({ name: 'ledger-writer', kind: 'SERVICE_ACCOUNT', tags: { team: 'ledger' }, privilegeLevel: 'ADMIN' });
    const batch = await discover({ name: 'batch-key', kind: 'API_KEY', expiresAt: at(20), tags: { team: 'batch' } });
    const reader = await discover({ name: 'analytics-reader', kind: 'API_KEY', externalId: 'arn:aws:iam::1:user/Ledger-Reader' });
    await spec.subgraph.publish('nhi.ownership.assigned', ownershipAssignedData(ledger.id, owner, { assignedAt: at(2) }), 'ownership');
    await spec.subgraph.publish(
      'nhi.credential.rotation-requested',
      { requestId: randomUUID(), identityId: batch.id, attempt: 1, reason: 'due', requestedAt: at(3), deadline: at(4) },
      'lifecycle',
    );
    await spec.subgraph.publish('nhi.finding.opened', {
      identityId: reader.id,
      findingId: randomUUID(),
      category: 'NHI2',
      code: 'SECRET_IN_CODE',
      severity: 'CRITICAL',
      detail: 'a key in a repository',
      detectedAt: at(3),
    });

    const all = await waitFor(
      async () => {
        const page = await search({});
        return page.totalCount === 3 && page.facets.findingCategory.length === 1 && page.facets.lifecycleState.length === 2 && page;
      },
      { what: 'the search index to hold the three identities with their owner, rotation and finding' },
    );
    expect(ids(all)).toEqual([reader.id, batch.id, ledger.id]);
    expect(all.facets.kind).toEqual([
      { value: 'API_KEY', count: 2 },
      { value: 'SERVICE_ACCOUNT', count: 1 },
    ]);
    // Never owned is UNASSIGNED, as governanceSummary counts it, not unknown.
    expect(all.facets.ownershipStatus).toEqual([
      { value: 'UNASSIGNED', count: 2 },
      { value: 'OWNED', count: 1 },
    ]);
    expect(ids(await search({ ownershipStatus: ['UNASSIGNED'] }))).toEqual([reader.id, batch.id]);
    expect(all.facets.lifecycleState).toEqual([
      { value: 'ACTIVE', count: 2 },
      { value: 'ROTATING', count: 1 },
    ]);

    expect(ids(await search({ ownerId: [owner], privilegeLevel: ['ADMIN'] }))).toEqual([ledger.id]);
    expect(ids(await search({ lifecycleState: ['ROTATING'] }))).toEqual([batch.id]);
    expect(ids(await search({ findingCategory: ['NHI2'], minFindingSeverity: 'HIGH' }))).toEqual([reader.id]);
    expect(ids(await search({ tags: [{ key: 'team', value: 'batch' }] }))).toEqual([batch.id]);
    expect(ids(await search({ expiresBefore: at(25) }))).toEqual([batch.id]);
    // Words in the name, the external id or a tag, in any case.
    expect(ids(await search({ search: 'LEDGER' }))).toEqual([reader.id, ledger.id]);
    const keys = await search({ kind: ['API_KEY'] });
    expect(keys.totalCount).toBe(2);
    expect(keys.facets.kind).toEqual([{ value: 'API_KEY', count: 2 }]);

    // Pages by name then id, forwards.
    const first = await search({}, 2);
    expect(ids(first)).toEqual([reader.id, batch.id]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await search({}, 2, first.pageInfo.endCursor!);
    expect(ids(second)).toEqual([ledger.id]);
    expect(second.pageInfo.hasNextPage).toBe(false);

    // Later events move the identities: a rename, a completed rotation, a decommission.
    await spec.subgraph.publish('nhi.identity.updated', {
      identity: identitySnapshot({ ...reader, name: 'zeta-reader' }),
      changes: [{ field: 'name', previous: reader.name, current: 'zeta-reader' }],
      source: 'aws-config',
      updatedAt: at(5),
    });
    await spec.subgraph.publish(
      'nhi.credential.rotated',
      {
        identityId: batch.id,
        requestId: randomUUID(),
        rotatedAt: at(5),
        newCredentialFingerprint: null,
        newExpiresAt: null,
        nextRotationDueAt: at(28),
      },
      'lifecycle',
    );
    await spec.subgraph.publish('nhi.identity.decommissioned', {
      id: ledger.id,
      reason: 'retired',
      decommissionedBy: 'alice',
      decommissionedAt: at(6),
    });
    const later = await waitFor(
      async () => {
        const page = await search({});
        return page.totalCount === 2 && page.facets.lifecycleState.length === 1 && ids(page)[1] === reader.id && page;
      },
      { what: 'the search index to follow the rename, the rotation and the decommission' },
    );
    expect(ids(later)).toEqual([batch.id, reader.id]);
    expect(later.facets.lifecycleState).toEqual([{ value: 'ACTIVE', count: 2 }]);

    // Facets asked for inside a fragment are counted in a pass of their own, and are the same.
    const viaFragment = await spec.subgraph.query<{ identitySearch: { facets: { kind: Facet[] } } }>(
      `query($filter: IdentitySearchFilter) { identitySearch(filter: $filter) { ...Counts } }
       fragment Counts on IdentitySearchConnection { facets { kind { value count } } }`,
      { filter: { businessUnit: [unit] } },
    );
    expect(viaFragment.data?.identitySearch.facets.kind).toEqual(later.facets.kind);
  });

  it('answers identityFacets alone, and refuses a cursor or a window it cannot use without quoting it', async () => {
    const facets = await spec.subgraph.query<{ identityFacets: { environment: Facet[] } }>(
      `query($filter: IdentitySearchFilter) { identityFacets(filter: $filter) { environment { value count } } }`,
      { filter: { businessUnit: [`${unit}-nobody`] } },
    );
    expect(facets.data?.identityFacets.environment).toEqual([]);

    const badCursor = await spec.subgraph.query(SEARCH, { filter: {}, after: 'not-a-cursor' });
    expect(badCursor.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
    expect(badCursor.errors?.[0].message).not.toContain('not-a-cursor');
    const window = await spec.subgraph.query(SEARCH, { filter: { expiresAfter: at(10), expiresBefore: at(5) } });
    expect(window.errors?.[0]).toMatchObject({
      message: 'filter.expiresAfter must be before filter.expiresBefore',
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });

  it('sorts by expiry or privilege, pages within that order, and refuses a cursor from another order', async () => {
    const sortedUnit = `${unit}-sorted`;
    const make = (overrides: Partial<IdentitySnapshot>) =>
      spec.subgraph.publish('nhi.identity.discovered', identityDiscoveredData({ businessUnit: sortedUnit, ...overrides }, at(1)));
    const never = identityDiscoveredData({ businessUnit: sortedUnit, name: 'a-never', privilegeLevel: 'LOW' }, at(1));
    await spec.subgraph.publish('nhi.identity.discovered', never);
    const late = identityDiscoveredData({ businessUnit: sortedUnit, name: 'b-late', expiresAt: at(28), privilegeLevel: 'ADMIN' }, at(1));
    await spec.subgraph.publish('nhi.identity.discovered', late);
    const soon = identityDiscoveredData({ businessUnit: sortedUnit, name: 'c-soon', expiresAt: at(9), privilegeLevel: 'MEDIUM' }, at(1));
    await spec.subgraph.publish('nhi.identity.discovered', soon);
    await make({ name: 'd-unknown', privilegeLevel: null });
    const ORDERED = `
      query($filter: IdentitySearchFilter, $first: Int, $after: String, $orderBy: IdentitySearchOrder) {
        identitySearch(filter: $filter, first: $first, after: $after, orderBy: $orderBy) {
          totalCount edges { node { id } } pageInfo { hasNextPage endCursor }
        }
      }`;
    type Ordered = {
      identitySearch: { totalCount: number; edges: Array<{ node: { id: string } }>; pageInfo: Search['identitySearch']['pageInfo'] };
    };
    const ordered = (orderBy: Record<string, string>, first = 10, after?: string) =>
      spec.subgraph.query<Ordered>(ORDERED, { filter: { businessUnit: [sortedUnit] }, first, after, orderBy });

    await waitFor(async () => (await ordered({})).data?.identitySearch.totalCount === 4, { what: 'the four identities to be searchable' });
    const byExpiry = await ordered({ field: 'EXPIRES_AT' }, 2);
    expect(byExpiry.data?.identitySearch.edges.map((e) => e.node.id)).toEqual([soon.identity.id, late.identity.id]);
    const rest = await ordered({ field: 'EXPIRES_AT' }, 2, byExpiry.data!.identitySearch.pageInfo.endCursor!);
    // Neither of the last two expires: by name among themselves.
    expect(rest.data?.identitySearch.edges.map((e) => e.node.id)[0]).toBe(never.identity.id);
    expect(rest.data?.identitySearch.pageInfo.hasNextPage).toBe(false);

    const byPrivilege = await ordered({ field: 'PRIVILEGE_LEVEL', direction: 'DESC' }, 3);
    expect(byPrivilege.data?.identitySearch.edges.map((e) => e.node.id)).toEqual([late.identity.id, soon.identity.id, never.identity.id]);

    const mixed = await ordered({ field: 'NAME' }, 2, byExpiry.data!.identitySearch.pageInfo.endCursor!);
    expect(mixed.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'after' } });
    expect(mixed.errors?.[0].message).toContain('another orderBy');
  });
});
