import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CanRead } from '@nhi/auth';
import { IdentityOwnershipModel } from '../identity-data/identity.model';
import { OwnershipChangeModel } from '../ownership/ownership-change.model';

@CanRead()
@Resolver(() => OwnershipChangeModel)
export class OwnershipChangeIdentityResolver {
  /** A reference only: ownership's own fields load in one query per request, the rest come from the subgraphs that own them. */
  @ResolveField(() => IdentityOwnershipModel, {
    nullable: true,
    description: 'The identity whose ownership changed (the same as identityId); null if the subgraphs that own it cannot answer.',
  })
  identity(@Parent() change: OwnershipChangeModel): IdentityOwnershipModel {
    return { id: change.identityId };
  }
}
