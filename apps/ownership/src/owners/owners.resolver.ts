import { Args, Context, ID, Int, Mutation, Parent, Query, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { Actor, CanRead, CurrentActor, SecurityAdminOnly } from '@nhi/auth';
import { SubgraphContext } from '@nhi/graphql';
import { IdentityPages } from '../identity-pages/identity-pages';
import { OWNED_IDENTITY_ORDER_ARG, OwnedIdentityOrderInput } from '../identity-pages/identity-page-order.input';
import { OwnershipIdentityConnectionModel } from '../identity-pages/ownership-identity-connection.model';
import { OwnerInput } from './dto/owner.input';
import { ownersLoader } from './owners.loader';
import { OwnerModel } from '../owner-data/owner.model';
import { OwnersService } from './owners.service';
import { withLegacyCodes } from '../refusals';

@CanRead()
@Resolver(() => OwnerModel)
export class OwnersResolver {
  constructor(
    private readonly owners: OwnersService,
    private readonly pages: IdentityPages,
  ) {}

  @Query(() => OwnerModel, { nullable: true, description: 'One owner by its platform id, active or not; null when none has it.' })
  owner(
    @Args('id', { type: () => ID, description: "The owner's platform id." }) id: string,
    @Context() context: SubgraphContext,
  ): Promise<OwnerModel | null> {
    return ownersLoader(context, this.owners).load(id);
  }

  @SecurityAdminOnly('create or change an owner')
  @Mutation(() => OwnerModel, {
    description:
      'Creates or updates a team or person by externalRef. active: false deactivates it, with what that means for its identities.',
    deprecationReason: 'Use ownerUpsert(input:).',
  })
  upsertOwner(
    @Args('input', { description: 'The owner, by externalRef.' }) input: OwnerInput,
    @CurrentActor() actor: Actor,
  ): Promise<OwnerModel> {
    return this.owners.upsert(input, actor);
  }

  @SecurityAdminOnly('deactivate an owner')
  @Mutation(() => OwnerModel, {
    description: 'The owner leaves: its identities go to their BACKUP owner, else its parent team, else become ORPHANED (NHI1).',
    deprecationReason: 'Use ownerDeactivate(input:).',
  })
  deactivateOwner(
    @Args('ownerId', { type: () => ID, description: 'The owner who leaves.' }) ownerId: string,
    @Args('reason', { description: 'Why; kept with the deactivation and in the ownership history of its identities.' }) reason: string,
    @CurrentActor() actor: Actor,
  ): Promise<OwnerModel> {
    return withLegacyCodes(() => this.owners.deactivate(ownerId, reason, actor));
  }

  @ResolveField(() => OwnerModel, { nullable: true, description: 'The team this owner belongs to.' })
  parent(@Parent() owner: OwnerModel, @Context() context: SubgraphContext): Promise<OwnerModel | null> | null {
    return owner.parentId ? ownersLoader(context, this.owners).load(owner.parentId) : null;
  }

  @ResolveField(() => OwnershipIdentityConnectionModel, { description: 'Identities this owner is the PRIMARY owner of.' })
  identities(
    @Parent() owner: OwnerModel,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 500; null for 50.' }) first: number | null,
    @Args('after', { type: () => String, nullable: true, description: "The previous page's endCursor; null for the first page." })
    after: string | null,
    @Args('orderBy', OWNED_IDENTITY_ORDER_ARG) orderBy: OwnedIdentityOrderInput | null,
  ): Promise<OwnershipIdentityConnectionModel> {
    return this.pages.page({ ownerId: owner.id }, first, after, {}, orderBy);
  }

  @ResolveReference()
  resolveReference(reference: { id: string }, context: SubgraphContext): Promise<OwnerModel | null> {
    return ownersLoader(context, this.owners).load(reference.id);
  }
}
