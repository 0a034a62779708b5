import type { Actor } from '@nhi/auth';
import { ownershipSpec } from '../support/ownership-spec';
import { uniqueNames } from '../support/unique-names';

const spec = ownershipSpec('ownership_identity_order');

const unique = uniqueNames();

interface IdentityPage {
  totalCount: number;
  edges: Array<{ node: { id: string } }>;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

interface GraphQLFailure {
  message: string;
  extensions?: Record<string, unknown>;
}

const PAGE_FIELDS = 'totalCount edges { node { id } } pageInfo { hasNextPage endCursor }';

const ids = (page: IdentityPage) => page.edges.map((edge) => edge.node.id);

/** The order PostgreSQL gives (lower-cased name, then id), read from ownership's own rows. */
async function byNameInDatabase(identityIds: string[]): Promise<string[]> {
  const rows = await spec.subgraph.sql<{ identity_id: string }>(
    "SELECT identity_id FROM identity_ownership WHERE identity_id = ANY($1) ORDER BY lower(coalesce(name, '')), identity_id",
    [identityIds],
  );
  return rows.map((row) => row.identity_id);
}

describe('lists of identities from ownership sort by name', () => {
  let owner: { id: string; externalRef: string };
  let named: string[];

  beforeAll(async () => {
    owner = await spec.client.owner({ externalRef: unique('ordering'), kind: 'TEAM', name: 'Ordering' });
    // Two names that differ only in case tie on the key and go by id; the rest are apart.
    named = [];
    for (const name of ['gamma-key', 'Alpha-writer', 'alpha-writer', 'beta_sa', 'Zulu']) {
      const id = await spec.client.discovered({ name });
      await spec.client.assign({ identityId: id, ownerId: owner.id });
      named.push(id);
    }
  });

  async function ownerPage(args: Record<string, unknown>): Promise<{ page?: IdentityPage; errors?: GraphQLFailure[] }> {
    const result = await spec.subgraph.query<{ owner: { identities: IdentityPage } | null }>(
      `query($id: ID!, $first: Int, $after: String, $orderBy: OwnedIdentityOrder) {
        owner(id: $id) { identities(first: $first, after: $after, orderBy: $orderBy) { ${PAGE_FIELDS} } } }`,
      { id: owner.id, ...args },
    );
    return { page: result.data?.owner?.identities, errors: result.errors as GraphQLFailure[] | undefined };
  }

  async function readAll(orderBy: Record<string, unknown> | null, first: number): Promise<string[]> {
    const seen: string[] = [];
    let after: string | null = null;
    for (let pages = 0; pages < 10; pages += 1) {
      const { page, errors } = await ownerPage({ first, after, orderBy });
      if (!page) throw new Error(`owner.identities failed: ${JSON.stringify(errors)}`);
      expect(page.totalCount).toBe(named.length);
      seen.push(...ids(page));
      if (!page.pageInfo.hasNextPage) return seen;
      after = page.pageInfo.endCursor;
    }
    throw new Error('owner.identities never reached its last page');
  }

  it('pages an owner’s identities by name either way, ties by id, without skipping or repeating', async () => {
    const expected = await byNameInDatabase(named);
    expect(expected.slice(-1)).toEqual([named[4]]);

    expect(await readAll({ field: 'NAME' }, 2)).toEqual(expected);
    expect(await readAll({ field: 'NAME', direction: 'DESC' }, 2)).toEqual([...expected].reverse());
    // Without orderBy the list keeps its id order, and its cursors page it as before.
    expect(await readAll(null, 2)).toEqual([...named].sort());
  });

  it('refuses a cursor of another order or one it did not issue, without quoting it', async () => {
    const ascending = await ownerPage({ first: 1, orderBy: { field: 'NAME' } });
    const byId = await ownerPage({ first: 1 });

    const otherDirection = await ownerPage({ after: ascending.page?.pageInfo.endCursor, orderBy: { field: 'NAME', direction: 'DESC' } });
    expect(otherDirection.errors?.[0]).toMatchObject({
      message: 'after was issued for another orderBy; start again without after',
      extensions: { code: 'BAD_USER_INPUT', field: 'after' },
    });
    const idCursorByName = await ownerPage({ after: byId.page?.pageInfo.endCursor, orderBy: { field: 'NAME' } });
    expect(idCursorByName.errors?.[0]?.message).toBe('after was issued for another orderBy; start again without after');

    const forged = (key: unknown, id: string, tag?: string) =>
      Buffer.from(JSON.stringify(tag ? [key, id, tag] : [key, id])).toString('base64url');
    for (const [after, orderBy] of [
      [forged('alpha', 'drop-table-marker', 'NAME ASC'), { field: 'NAME' }],
      [forged(7, named[0], 'NAME ASC'), { field: 'NAME' }],
      [forged(0, 'drop-table-marker'), null],
    ] as const) {
      const refused = await ownerPage({ after, orderBy });
      expect(refused.errors?.[0]).toMatchObject({
        message: 'after is not a cursor this API issued; pass pageInfo.endCursor from the previous page',
        extensions: { code: 'BAD_USER_INPUT', field: 'after' },
      });
      expect(JSON.stringify(refused.errors)).not.toContain('drop-table-marker');
    }
  });

  it("sorts the viewer's identities and the unassigned list by name too", async () => {
    const viewer: Actor = { sub: unique('olive'), roles: ['owner'], ownerRefs: [owner.externalRef] };
    const mine = await spec.subgraph.query<{ viewer: { identities: IdentityPage } }>(
      `{ viewer { identities(first: 10, orderBy: { field: NAME, direction: DESC }) { ${PAGE_FIELDS} } } }`,
      {},
      viewer,
    );
    expect(mine.data && ids(mine.data.viewer.identities)).toEqual((await byNameInDatabase(named)).reverse());

    const loose = [await spec.client.discovered({ name: 'mid-unassigned' }), await spec.client.discovered({ name: 'Aa-unassigned' })];
    const unassigned = await spec.subgraph.query<{ unassignedIdentities: IdentityPage }>(
      `{ unassignedIdentities(first: 500, orderBy: { field: NAME }) { ${PAGE_FIELDS} } }`,
    );
    const listed = unassigned.data ? ids(unassigned.data.unassignedIdentities) : [];
    expect(listed).toEqual(expect.arrayContaining(loose));
    expect(listed).toEqual(await byNameInDatabase(listed));
  });
});
