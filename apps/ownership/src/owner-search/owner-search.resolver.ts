import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CanRead } from '@nhi/auth';
import { OwnerModel } from '../owner-data/owner.model';
import { OwnerConnectionModel } from './owner-connection.model';
import { OwnerSearchService } from './owner-search.service';

/** The assign-owner picker and the token-to-owner lookup: read like `owner(id)`. */
@CanRead()
@Resolver(() => OwnerConnectionModel)
export class OwnerSearchResolver {
  constructor(private readonly search: OwnerSearchService) {}

  @Query(() => OwnerConnectionModel, {
    description:
      'Owners whose name, e-mail or externalRef contains `search` (case-insensitive), ordered by name. ' +
      'Active owners only unless includeInactive is true. first: 1..500, default 50.',
  })
  owners(
    @Args('search', {
      type: () => String,
      nullable: true,
      description: 'Text to find in name, email or externalRef; all owners when omitted.',
    })
    search: string | null,
    @Args('includeInactive', {
      type: () => Boolean,
      nullable: true,
      defaultValue: false,
      description: 'Also list owners who were deactivated (they cannot be assigned).',
    })
    includeInactive: boolean,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 500; null for 50.' }) first: number | null,
    @Args('after', { type: () => String, nullable: true, description: "The previous page's endCursor; null for the first page." })
    after: string | null,
  ): Promise<OwnerConnectionModel> {
    return this.search.page({ search, includeInactive }, first, after);
  }

  @Query(() => OwnerModel, {
    nullable: true,
    description:
      'The owner with this directory reference (the refs a token carries in its owner-refs claim); null when none. ' +
      'A reference is unique across directories, so it names at most one owner, active or not.',
  })
  ownerByExternalRef(
    @Args('ref', { description: "The owner's directory reference (externalRef)." }) ref: string,
  ): Promise<OwnerModel | null> {
    return this.search.byExternalRef(ref);
  }

  @ResolveField(() => Int, { description: 'Owners matching the search, on all pages.' })
  totalCount(@Parent() connection: OwnerConnectionModel): Promise<number> {
    return connection.count();
  }
}
