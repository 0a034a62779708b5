import type { Actor } from '@nhi/auth';
import { ownershipSpec } from '../support/ownership-spec';
import { uniqueNames } from '../support/unique-names';

const spec = ownershipSpec('ownership_owner_search');

const unique = uniqueNames();

interface OwnerPage {
  totalCount: number;
  edges: Array<{ cursor: string; node: { externalRef: string; name: string; active: boolean } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

async function owners(variables: { search?: string; first?: number; after?: string | null; includeInactive?: boolean }, actor?: Actor) {
  return spec.subgraph.query<{ owners: OwnerPage }>(
    `query($search: String, $first: Int, $after: String, $includeInactive: Boolean) {
       owners(search: $search, first: $first, after: $after, includeInactive: $includeInactive) {
         totalCount edges { cursor node { externalRef name active } } pageInfo { hasNextPage endCursor }
       }
     }`,
    variables,
    actor,
  );
}

const refs = (page: OwnerPage | undefined) => page?.edges.map((edge) => edge.node.externalRef) ?? [];

describe('owner search for the assign-owner picker', () => {
  it('finds owners by part of the name, e-mail or reference, case-insensitively, active ones only by default', async () => {
    const token = unique('zebra').replace(/-/g, '');
    const byName = await spec.client.owner({ externalRef: unique('team'), kind: 'TEAM', name: `Payments ${token.toUpperCase()}` });
    const byEmail = await spec.client.owner({
      externalRef: unique('person'),
      kind: 'PERSON',
      name: 'Ada',
      email: `ada.${token}@example.com`,
    });
    const byRef = await spec.client.owner({ externalRef: `okta:${token}`, kind: 'PERSON', name: 'Grace' });
    const gone = await spec.client.owner({ externalRef: unique('gone'), kind: 'PERSON', name: `Left ${token}` });
    expect((await spec.client.deactivate(gone.id, 'moved on')).errors).toBeUndefined();
    await spec.client.owner({ externalRef: unique('other'), kind: 'TEAM', name: 'Unrelated' });

    const active = await owners({ search: `  ${token.slice(2, 12).toUpperCase()} ` });
    expect(active.errors).toBeUndefined();
    // ordered by name: Ada, Grace, Payments
    expect(refs(active.data?.owners)).toEqual([byEmail.externalRef, byRef.externalRef, byName.externalRef]);
    expect(active.data?.owners.totalCount).toBe(3);

    const all = await owners({ search: token, includeInactive: true });
    expect(refs(all.data?.owners)).toEqual([byEmail.externalRef, byRef.externalRef, gone.externalRef, byName.externalRef]);
    expect(all.data?.owners.edges[2]?.node.active).toBe(false);
  });

  it('takes LIKE wildcards in a search literally', async () => {
    const token = unique('pct').replace(/-/g, '');
    await spec.client.owner({ externalRef: unique('plain'), kind: 'TEAM', name: `${token} ops` });
    const wildcard = await owners({ search: `${token}%ops` });
    expect(wildcard.errors).toBeUndefined();
    expect(wildcard.data?.owners.totalCount).toBe(0);
  });

  it('pages with cursors: every owner once, in name order, with the same total on each page', async () => {
    const token = unique('pager').replace(/-/g, '');
    const names = ['delta', 'Alpha', 'charlie', 'Bravo', 'echo'];
    for (const name of names) await spec.client.owner({ externalRef: unique(token), kind: 'TEAM', name: `${name} ${token}` });

    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 5; pages++) {
      const result = await owners({ search: token, first: 2, after });
      expect(result.errors).toBeUndefined();
      const page = result.data!.owners;
      expect(page.totalCount).toBe(5);
      seen.push(...page.edges.map((edge) => edge.node.name.split(' ')[0]));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual(['Alpha', 'Bravo', 'charlie', 'delta', 'echo']);
  });

  it('refuses a page size out of range and a cursor it did not issue', async () => {
    const tooBig = await owners({ first: 501 });
    expect(tooBig.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const forged = await owners({ after: 'not-a-cursor' });
    expect(forged.errors?.[0]?.message).toMatch(/after is not a cursor this API issued/);
  });

  it('refuses a caller without a read role', async () => {
    const result = await owners({ search: 'x' }, { sub: 'nobody', roles: [], ownerRefs: [] });
    expect(result.data?.owners ?? null).toBeNull();
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('owner by the reference a token carries', () => {
  async function byRef(ref: string) {
    return spec.subgraph.query<{ ownerByExternalRef: { id: string; name: string } | null }>(
      'query($ref: String!) { ownerByExternalRef(ref: $ref) { id name } }',
      { ref },
    );
  }

  it('returns the owner with that reference, and null for a reference nobody has', async () => {
    const ref = unique('okta:svc-team');
    const team = await spec.client.owner({ externalRef: ref, kind: 'TEAM', name: 'Service team' });
    const found = await byRef(ref);
    expect(found.errors).toBeUndefined();
    expect(found.data?.ownerByExternalRef).toEqual({ id: team.id, name: 'Service team' });

    const unknown = await byRef(unique('okta:nobody'));
    expect(unknown.errors).toBeUndefined();
    expect(unknown.data?.ownerByExternalRef).toBeNull();
  });
});
