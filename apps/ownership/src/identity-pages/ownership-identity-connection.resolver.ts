import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CanRead } from '@nhi/auth';
import { OwnershipIdentityConnectionModel } from './ownership-identity-connection.model';

@CanRead()
@Resolver(() => OwnershipIdentityConnectionModel)
export class OwnershipIdentityConnectionResolver {
  @ResolveField(() => Int, { description: 'Identities in the list, on all pages.' })
  totalCount(@Parent() connection: OwnershipIdentityConnectionModel): Promise<number> {
    return connection.count();
  }
}
