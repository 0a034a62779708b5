import { Args, Context, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CanRead } from '@nhi/auth';
import { encodeCursor, groupByKeys, pageOf, pageSize, requestLoader, SubgraphContext, ListSize } from '@nhi/graphql';
import { IdentityOwnershipModel } from '../identity-data/identity.model';
import { OwnershipSuggestionEntity } from '../rules/ownership-suggestion.entity';
import { OwnershipSuggestionModel } from '../rules/ownership-suggestion.model';
import { HistoryRow, IdentityOwnershipLists } from './identity-ownership-lists';
import { OwnershipChangeConnectionModel } from './ownership-change-connection.model';
import { toOwnershipChange } from './ownership-change-row';

/**
 * The ownership lists on an identity. A page of identities asks for them together, so each field is one
 * statement per request (one loader per argument set). Nullable: an ownership failure costs the field, not the identity.
 */
@CanRead()
@Resolver(() => IdentityOwnershipModel)
export class IdentityOwnershipResolver {
  constructor(private readonly lists: IdentityOwnershipLists) {}

  @ResolveField(() => OwnershipChangeConnectionModel, {
    nullable: true,
    description:
      'Every change of who owns the identity, oldest first. first: 1..500, default 50. ' +
      'Null only when ownership cannot answer; a located error in `errors` says why.',
  })
  async ownershipHistory(
    @Parent() identity: IdentityOwnershipModel,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 500; null for 50.' }) first: number | null,
    @Args('after', { type: () => String, nullable: true, description: "The previous page's endCursor; null for the first page." })
    after: string | null,
    @Context() context: SubgraphContext,
  ): Promise<OwnershipChangeConnectionModel> {
    const size = pageSize(first);
    const rows = await requestLoader<string, HistoryRow[]>(context, `identity-history:${size}:${after ?? ''}`, async (ids) =>
      groupByKeys(ids, await this.lists.historyOf(ids, size + 1, after), (row) => row.identity_id),
    ).load(identity.id);
    const page = pageOf(rows, size, after, (row) => encodeCursor(row.at_key, row.id));
    return {
      edges: page.edges.map(({ node, cursor }) => ({ node: toOwnershipChange(node), cursor })),
      pageInfo: page.pageInfo,
      count: () =>
        requestLoader<string, number>(context, 'identity-history-count', async (ids) => {
          const counts = await this.lists.historyCounts(ids);
          return ids.map((id) => counts.get(id) ?? 0);
        }).load(identity.id),
    };
  }

  // One per rule that matched; a handful at most.
  @ListSize(5)
  @ResolveField(() => [OwnershipSuggestionModel], {
    nullable: true,
    description:
      'Owners suggested for the identity: open ones first, surest first. ' +
      'Null only when ownership cannot answer; a located error in `errors` says why.',
  })
  async suggestions(@Parent() identity: IdentityOwnershipModel, @Context() context: SubgraphContext): Promise<OwnershipSuggestionModel[]> {
    const rows = await requestLoader<string, OwnershipSuggestionEntity[]>(context, 'identity-suggestions', async (ids) =>
      groupByKeys(ids, await this.lists.suggestionsOf(ids), (row) => row.identityId),
    ).load(identity.id);
    return rows.map((row) => ({ ...row, identity: { id: row.identityId } }));
  }
}

@CanRead()
@Resolver(() => OwnershipChangeConnectionModel)
export class OwnershipChangeConnectionResolver {
  @ResolveField(() => Int, { description: 'Changes of the identity, on all pages.' })
  totalCount(@Parent() connection: OwnershipChangeConnectionModel): Promise<number> {
    return connection.count();
  }
}
