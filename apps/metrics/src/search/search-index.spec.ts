import { SearchIndex, type SearchRow } from './search-index';

let sequence = 0;
function row(overrides: Partial<SearchRow>): SearchRow {
  sequence++;
  return {
    identityId: `00000000-0000-4000-8000-${String(sequence).padStart(12, '0')}`,
    live: true,
    name: `identity-${sequence}`,
    externalId: `ext-${sequence}`,
    tags: {},
    kind: 'API_KEY',
    provider: 'aws',
    environment: 'PRODUCTION',
    businessUnit: 'Payments',
    privilegeLevel: null,
    ownershipStatus: 'UNASSIGNED',
    ownerId: null,
    lifecycleState: 'ACTIVE',
    expiresAt: null,
    findings: {},
    ...overrides,
  };
}

function indexOf(...rows: SearchRow[]): SearchIndex {
  const index = new SearchIndex();
  rows.forEach((r) => index.upsert(r));
  return index;
}

const names = (index: SearchIndex, filter: Parameters<SearchIndex['search']>[0], first = 10) =>
  index
    .search(filter, first, null, false)
    .page.slice(0, first)
    .map((p) => p.identityId);

describe('SearchIndex', () => {
  it('pages live identities by name then id, with the total and a next page', () => {
    const b = row({ name: 'Bravo' });
    const a = row({ name: 'alpha' });
    const gone = row({ name: 'aardvark', live: false });
    const c = row({ name: 'charlie' });
    const index = indexOf(b, a, gone, c);

    const first = index.search({}, 2, null, false);
    expect(first.total).toBe(3);
    // One more than the page: the next page exists.
    expect(first.page.map((p) => p.identityId)).toEqual([a.identityId, b.identityId, c.identityId]);
    const second = index.search({}, 2, { name: first.page[1].name, id: first.page[1].identityId }, false);
    expect(second.page.map((p) => p.identityId)).toEqual([c.identityId]);
    expect(second.total).toBe(3);
  });

  it('combines filters with AND and values within one with OR', () => {
    const prodKey = row({ kind: 'API_KEY', environment: 'PRODUCTION' });
    const prodAccount = row({ kind: 'SERVICE_ACCOUNT', environment: 'PRODUCTION' });
    const testKey = row({ kind: 'API_KEY', environment: 'TEST' });
    const index = indexOf(prodKey, prodAccount, testKey);

    expect(names(index, { kind: ['API_KEY'], environment: ['PRODUCTION'] })).toEqual([prodKey.identityId]);
    expect(names(index, { kind: ['API_KEY', 'SERVICE_ACCOUNT'], environment: ['PRODUCTION'] }).sort()).toEqual(
      [prodKey.identityId, prodAccount.identityId].sort(),
    );
    expect(names(index, { kind: ['CERTIFICATE'] })).toEqual([]);
  });

  it('searches words in the name, external id and tags, case-insensitively', () => {
    const byName = row({ name: 'Payments-Batch-Reader' });
    const byExternal = row({ externalId: 'arn:aws:iam::1:role/Ledger' });
    const byTag = row({ tags: { team: 'Ledger-Core' } });
    const index = indexOf(byName, byExternal, byTag, row({}));

    expect(names(index, { search: 'batch reader' })).toEqual([byName.identityId]);
    expect(names(index, { search: 'LEDGER' }).sort()).toEqual([byExternal.identityId, byTag.identityId].sort());
    expect(names(index, { search: 'ledger core' })).toEqual([byTag.identityId]);
  });

  it('filters by tags (a key alone matches any value) and by an expiry window', () => {
    const soon = row({ tags: { env: 'prod', team: 'a' }, expiresAt: new Date('2026-12-10T00:00:00Z') });
    const later = row({ tags: { env: 'dev' }, expiresAt: new Date('2027-03-01T00:00:00Z') });
    const never = row({ tags: { team: 'b' } });
    const index = indexOf(soon, later, never);

    expect(names(index, { tags: [{ key: 'env', value: 'prod' }] })).toEqual([soon.identityId]);
    expect(names(index, { tags: [{ key: 'team' }] }).sort()).toEqual([soon.identityId, never.identityId].sort());
    expect(names(index, { tags: [{ key: 'unknown' }] })).toEqual([]);
    expect(names(index, { expiresBefore: new Date('2027-01-01T00:00:00Z') })).toEqual([soon.identityId]);
    expect(names(index, { expiresAfter: new Date('2027-01-01T00:00:00Z') })).toEqual([later.identityId]);
  });

  it('filters by open finding category and minimum severity', () => {
    const criticalSecret = row({ findings: { NHI2: 4 } });
    const lowSecretAndOld = row({ findings: { NHI2: 1, NHI7: 3 } });
    const clean = row({});
    const index = indexOf(criticalSecret, lowSecretAndOld, clean);

    expect(names(index, { findingCategory: ['NHI2'] }).sort()).toEqual([criticalSecret.identityId, lowSecretAndOld.identityId].sort());
    expect(names(index, { findingCategory: ['NHI2'], minFindingSeverity: 'HIGH' })).toEqual([criticalSecret.identityId]);
    expect(names(index, { minFindingSeverity: 'HIGH' }).sort()).toEqual([criticalSecret.identityId, lowSecretAndOld.identityId].sort());
    expect(names(index, { findingCategory: ['NHI9'] })).toEqual([]);
  });

  it('counts facets over the filtered identities only', () => {
    const index = indexOf(
      row({ kind: 'API_KEY', environment: 'PRODUCTION', findings: { NHI7: 2 } }),
      row({ kind: 'API_KEY', environment: 'PRODUCTION', privilegeLevel: 'ADMIN', findings: { NHI7: 1, NHI2: 4 } }),
      row({ kind: 'SERVICE_ACCOUNT', environment: 'PRODUCTION' }),
      row({ kind: 'API_KEY', environment: 'TEST' }),
      row({ kind: 'API_KEY', environment: 'PRODUCTION', live: false }),
    );

    const { facets, total } = index.search({ environment: ['PRODUCTION'] }, 1, null, true);
    expect(total).toBe(3);
    expect(facets?.kind).toEqual([
      { value: 'API_KEY', count: 2 },
      { value: 'SERVICE_ACCOUNT', count: 1 },
    ]);
    expect(facets?.environment).toEqual([{ value: 'PRODUCTION', count: 3 }]);
    expect(facets?.privilegeLevel).toEqual([
      { value: null, count: 2 },
      { value: 'ADMIN', count: 1 },
    ]);
    expect(facets?.findingCategory).toEqual([
      { value: 'NHI7', count: 2 },
      { value: 'NHI2', count: 1 },
    ]);
  });

  it('replaces a row whole when it is written again', () => {
    const first = row({ name: 'old-name', ownershipStatus: 'UNASSIGNED' });
    const index = indexOf(first);
    index.upsert({ ...first, name: 'new-name', ownershipStatus: 'OWNED', ownerId: 'owner-1' });

    expect(index.size).toBe(1);
    expect(names(index, { search: 'old' })).toEqual([]);
    expect(names(index, { ownerId: ['owner-1'], ownershipStatus: ['OWNED'] })).toEqual([first.identityId]);
    index.upsert({ ...first, live: false });
    expect(index.search({}, 5, null, false).total).toBe(0);
  });

  it('keeps every code when a dimension outgrows a byte, then two', () => {
    const rows = Array.from({ length: 70_000 }, (_, i) =>
      row({ name: `n-${i}`, businessUnit: `bu-${i}`, kind: i % 2 ? 'API_KEY' : 'SECRET' }),
    );
    const index = indexOf(...rows);
    for (const i of [0, 254, 255, 256, 65_534, 65_535, 69_999]) {
      expect(names(index, { businessUnit: [`bu-${i}`] })).toEqual([rows[i].identityId]);
    }
    const facets = index.search({ businessUnit: ['bu-3', 'bu-300', 'bu-66000'] }, 1, null, true).facets;
    expect(facets?.businessUnit.map((f) => f.value).sort()).toEqual(['bu-3', 'bu-300', 'bu-66000']);
    expect(facets?.kind).toEqual([
      { value: 'SECRET', count: 2 },
      { value: 'API_KEY', count: 1 },
    ]);
  });

  it("follows a row's tags when they change, and never matches a word across two fields", () => {
    const first = row({ name: 'ledger', externalId: 'writer-1', tags: { team: 'alpha', env: 'prod' } });
    const other = row({ name: 'batch', tags: { team: 'beta' } });
    const index = indexOf(first, other);
    expect(names(index, { tags: [{ key: 'team', value: 'alpha' }] })).toEqual([first.identityId]);

    index.upsert({ ...first, tags: { team: 'beta' } });
    expect(names(index, { tags: [{ key: 'team', value: 'alpha' }] })).toEqual([]);
    expect(names(index, { tags: [{ key: 'team', value: 'beta' }] }).sort()).toEqual([first.identityId, other.identityId].sort());
    expect(names(index, { tags: [{ key: 'env' }] })).toEqual([]);
    expect(names(index, { tags: [{ key: 'team' }, { key: 'team', value: 'beta' }] })).toHaveLength(2);
    // The name, external id and tags are searched as separate fields: "ledgerwriter" is in none of them.
    expect(names(index, { search: 'ledger writer-1 team=beta' })).toEqual([first.identityId]);
    expect(names(index, { search: 'ledgerwriter' })).toEqual([]);
  });

  describe('orderBy', () => {
    const ids = (result: { page: Array<{ identityId: string }> }) => result.page.map((p) => p.identityId);

    it('sorts by expiry, never-expiring last ascending and first descending, ties by name', () => {
      const never = row({ name: 'a-never' });
      const late = row({ name: 'late', expiresAt: new Date('2027-06-01T00:00:00Z') });
      const soonB = row({ name: 'soon-b', expiresAt: new Date('2026-12-10T00:00:00Z') });
      const soonA = row({ name: 'soon-a', expiresAt: new Date('2026-12-10T00:00:00Z') });
      const index = indexOf(never, late, soonB, soonA);

      expect(ids(index.search({}, 10, null, false, { field: 'EXPIRES_AT', descending: false }))).toEqual([
        soonA.identityId,
        soonB.identityId,
        late.identityId,
        never.identityId,
      ]);
      expect(ids(index.search({}, 10, null, false, { field: 'EXPIRES_AT', descending: true }))).toEqual([
        never.identityId,
        late.identityId,
        soonA.identityId,
        soonB.identityId,
      ]);
    });

    it('sorts by privilege and by worst open finding, unknown and none lowest', () => {
      const admin = row({ name: 'z-admin', privilegeLevel: 'ADMIN', findings: { NHI2: 1 } });
      const low = row({ name: 'low', privilegeLevel: 'LOW', findings: { NHI7: 4, NHI2: 2 } });
      const unknown = row({ name: 'unknown', privilegeLevel: null });
      const high = row({ name: 'high', privilegeLevel: 'HIGH', findings: { NHI5: 3 } });
      const index = indexOf(admin, low, unknown, high);

      expect(ids(index.search({}, 10, null, false, { field: 'PRIVILEGE_LEVEL', descending: true }))).toEqual([
        admin.identityId,
        high.identityId,
        low.identityId,
        unknown.identityId,
      ]);
      expect(ids(index.search({}, 10, null, false, { field: 'FINDING_SEVERITY', descending: true }))).toEqual([
        low.identityId,
        high.identityId,
        admin.identityId,
        unknown.identityId,
      ]);
    });

    it('pages through an order with the last key, name and id as the cursor, each identity once', () => {
      const rows = Array.from({ length: 9 }, (_, i) =>
        row({ name: `same-${i % 3}`, privilegeLevel: ['LOW', 'HIGH', 'ADMIN'][i % 3], expiresAt: i % 2 ? new Date(1e12 + i) : null }),
      );
      const index = indexOf(...rows);
      for (const order of [
        { field: 'PRIVILEGE_LEVEL', descending: true },
        { field: 'EXPIRES_AT', descending: false },
        { field: 'NAME', descending: true },
      ] as const) {
        const whole = ids(index.search({}, 20, null, false, order));
        const seen: string[] = [];
        let after: { key: number; name: string; id: string } | null = null;
        for (;;) {
          const result = index.search({}, 2, after, false, order);
          const page = result.page.slice(0, 2);
          seen.push(...page.map((p) => p.identityId));
          if (result.page.length <= 2) break;
          const last = page[page.length - 1];
          after = { key: last.key, name: last.name, id: last.identityId };
        }
        expect(seen).toEqual(whole);
        expect(new Set(seen).size).toBe(9);
      }
    });
  });
});
