import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CanRead } from '@nhi/auth';
import { SubgraphContext } from '@nhi/graphql';
import { ownersLoader } from '../owners/owners.loader';
import { OwnerModel } from '../owner-data/owner.model';
import { OwnersService } from '../owners/owners.service';
import { OwnershipChangeModel } from './ownership-change.model';

@CanRead()
@Resolver(() => OwnershipChangeModel)
export class OwnershipChangeResolver {
  constructor(private readonly owners: OwnersService) {}

  @ResolveField(() => OwnerModel, { nullable: true })
  owner(@Parent() change: OwnershipChangeModel, @Context() context: SubgraphContext): Promise<OwnerModel | null> | null {
    return change.ownerId ? ownersLoader(context, this.owners).load(change.ownerId) : null;
  }

  @ResolveField(() => OwnerModel, { nullable: true })
  previousOwner(@Parent() change: OwnershipChangeModel, @Context() context: SubgraphContext): Promise<OwnerModel | null> | null {
    return change.previousOwnerId ? ownersLoader(context, this.owners).load(change.previousOwnerId) : null;
  }
}
