import type { SubgraphContext } from '@nhi/graphql';
import type { OwnershipSuggestionEntity } from '../rules/ownership-suggestion.entity';
import type { HistoryRow, IdentityOwnershipLists } from './identity-ownership-lists';
import { IdentityOwnershipResolver } from './identity-ownership.resolver';

const change = (id: string, identityId: string, second: number) =>
  ({ id, identity_id: identityId, role: 'PRIMARY', change: 'ASSIGNED', at: new Date(second * 1000), at_key: `t${second}` }) as HistoryRow;
const suggestion = (id: string, identityId: string) => ({ id, identityId }) as OwnershipSuggestionEntity;

function setUp() {
  const lists = {
    historyOf: jest.fn(async (ids: readonly string[]) =>
      [change('h1', 'i-1', 1), change('h2', 'i-1', 2), change('h3', 'i-2', 1)].filter((row) => ids.includes(row.identity_id)),
    ),
    historyCounts: jest.fn(async (ids: readonly string[]) => new Map(ids.map((id) => [id, id === 'i-1' ? 2 : 0]))),
    suggestionsOf: jest.fn(async (ids: readonly string[]) => [suggestion('s1', 'i-2')].filter((row) => ids.includes(row.identityId))),
  };
  const resolver = new IdentityOwnershipResolver(lists as unknown as IdentityOwnershipLists);
  const context: SubgraphContext = { req: {} as SubgraphContext['req'], loaders: new Map() };
  return { lists, resolver, context, identities: ['i-1', 'i-2', 'i-3'].map((id) => ({ id })) };
}

describe('IdentityOwnershipResolver', () => {
  it('pages the history of a page of identities with one query, and counts them with one more', async () => {
    const { lists, resolver, context, identities } = setUp();
    const pages = await Promise.all(identities.map((identity) => resolver.ownershipHistory(identity, 1, null, context)));

    expect(lists.historyOf).toHaveBeenCalledTimes(1);
    expect(lists.historyOf).toHaveBeenCalledWith(['i-1', 'i-2', 'i-3'], 2, null);
    expect(pages.map((page) => page.edges.map((edge) => edge.node.id))).toEqual([['h1'], ['h3'], []]);
    expect(pages.map((page) => page.pageInfo.hasNextPage)).toEqual([true, false, false]);

    expect(await Promise.all(pages.map((page) => page.count()))).toEqual([2, 0, 0]);
    expect(lists.historyCounts).toHaveBeenCalledTimes(1);
  });

  it('lists the suggestions of a page of identities with one query', async () => {
    const { lists, resolver, context, identities } = setUp();
    const found = await Promise.all(identities.map((identity) => resolver.suggestions(identity, context)));

    expect(lists.suggestionsOf).toHaveBeenCalledTimes(1);
    expect(found.map((list) => list.map((s) => s.id))).toEqual([[], ['s1'], []]);
    expect(found[1]?.[0]?.identity).toEqual({ id: 'i-2' });
  });
});
