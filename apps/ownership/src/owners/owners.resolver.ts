import { Args, Context, ID, Query, Resolver, ResolveReference } from '@nestjs/graphql';
import { SubgraphContext } from '@nhi/graphql';
import { OwnershipService } from '../ownership/ownership.service';
import { ownersLoader } from './owners.loader';
import { OwnerModel } from './owner.model';

@Resolver(() => OwnerModel)
export class OwnersResolver {
  constructor(private readonly ownership: OwnershipService) {}

  @Query(() => OwnerModel, { nullable: true })
  owner(@Args('id', { type: () => ID }) id: string, @Context() context: SubgraphContext): Promise<OwnerModel | null> {
    return ownersLoader(context, this.ownership).load(id);
  }

  @ResolveReference()
  resolveReference(reference: { id: string }, context: SubgraphContext): Promise<OwnerModel | null> {
    return ownersLoader(context, this.ownership).load(reference.id);
  }
}
