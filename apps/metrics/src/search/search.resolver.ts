import { Args, Info, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import type { GraphQLResolveInfo } from 'graphql';
import { CanRead } from '@nhi/auth';
import { badInput, OrderDirection, pageOf, pageSize } from '@nhi/graphql';
import type { Facets, SearchFilter } from './search-index';
import { decodeSearchCursor, encodeSearchCursor } from './search-cursor';
import { DEFAULT_SEARCH_ORDER, type SearchOrder } from './search-order';
import { IdentitySearchOrderInput } from './search-order.input';
import { SearchFeed } from './search-feed';
import { IdentityFacetsModel, IdentitySearchConnectionModel, IdentitySearchFilterInput } from './search.types';

const FILTER_DESCRIPTION = 'Which identities; every live identity when null.';

/** A connection whose facets are counted only when the query selects them (the page alone skips that work). */
interface SearchConnection extends Omit<IdentitySearchConnectionModel, 'facets'> {
  filter: SearchFilter;
  /** Counted in the same pass as the page when the query names `facets` directly. */
  facets: Facets | null;
}

/** The portal's cross-domain identity search and its facets, from this process's search index (ADR 0038). */
@CanRead()
@Resolver(() => IdentitySearchConnectionModel)
export class SearchResolver {
  constructor(private readonly feed: SearchFeed) {}

  @Query(() => IdentitySearchConnectionModel, {
    description:
      'Identities across inventory, ownership and lifecycle: filter by owner, ownership status, lifecycle state, privilege, tags, expiry, finding category and severity, or words in the name, externalId and tags; sorted by name, expiry, privilege or worst finding (orderBy). Follows the events: a change shows here within about a second of metrics applying it.',
  })
  async identitySearch(
    @Args('filter', { type: () => IdentitySearchFilterInput, nullable: true, description: FILTER_DESCRIPTION })
    filter?: IdentitySearchFilterInput | null,
    @Args('first', { type: () => Int, nullable: true, description: 'How many identities per page: 1 to 500, 50 by default.' })
    first?: number | null,
    @Args('after', { type: () => String, nullable: true, description: 'The endCursor of the previous page.' })
    after?: string | null,
    @Args('orderBy', {
      type: () => IdentitySearchOrderInput,
      nullable: true,
      description: 'The sort order; by name ascending when null. A cursor works only with the orderBy it was issued for.',
    })
    orderBy?: IdentitySearchOrderInput | null,
    @Info() info?: GraphQLResolveInfo,
  ): Promise<SearchConnection> {
    const size = pageSize(first);
    const order = toOrder(orderBy);
    const afterKey = after ? decodeSearchCursor(after, order) : null;
    const searchFilter = toFilter(filter);
    const index = await this.feed.current();
    const result = index.search(searchFilter, size, afterKey, selectsFacets(info), order);
    const page = pageOf(result.page, size, after, (row) => encodeSearchCursor(order, row));
    return {
      edges: page.edges.map((edge) => ({ cursor: edge.cursor, node: { id: edge.node.identityId } })),
      pageInfo: page.pageInfo,
      totalCount: result.total,
      filter: searchFilter,
      facets: result.facets,
    };
  }

  @ResolveField(() => IdentityFacetsModel)
  async facets(@Parent() connection: SearchConnection): Promise<Facets> {
    return connection.facets ?? ((await this.feed.current()).search(connection.filter, 1, null, true).facets as Facets);
  }

  @Query(() => IdentityFacetsModel, {
    description:
      'How many identities the filter matches per kind, provider, environment, business unit, privilege, ownership status, lifecycle state and finding category.',
  })
  async identityFacets(
    @Args('filter', { type: () => IdentitySearchFilterInput, nullable: true, description: FILTER_DESCRIPTION })
    filter?: IdentitySearchFilterInput | null,
  ): Promise<Facets> {
    return (await this.feed.current()).search(toFilter(filter), 1, null, true).facets as Facets;
  }
}

/** Whether the query names the connection's facets among its own fields (inside a fragment they are counted in a pass of their own). */
function selectsFacets(info: GraphQLResolveInfo | undefined): boolean {
  return (info?.fieldNodes ?? []).some((node) =>
    (node.selectionSet?.selections ?? []).some((selection) => selection.kind === 'Field' && selection.name.value === 'facets'),
  );
}

function toOrder(orderBy: IdentitySearchOrderInput | null | undefined): SearchOrder {
  if (!orderBy) return DEFAULT_SEARCH_ORDER;
  return { field: orderBy.field ?? 'NAME', descending: orderBy.direction === OrderDirection.DESC };
}

function toFilter(filter: IdentitySearchFilterInput | null | undefined): SearchFilter {
  if (!filter) return {};
  if (filter.expiresAfter && filter.expiresBefore && filter.expiresAfter >= filter.expiresBefore) {
    throw badInput('filter.expiresAfter must be before filter.expiresBefore', 'filter.expiresAfter');
  }
  if (filter.tags?.some((tag) => tag.key.length === 0)) throw badInput('filter.tags: a tag key cannot be empty', 'filter.tags');
  return filter;
}
