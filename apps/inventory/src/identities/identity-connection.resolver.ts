import { Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CanRead } from '@nhi/auth';
import { IdentityConnectionModel } from './identity-connection.model';

@CanRead()
@Resolver(() => IdentityConnectionModel)
export class IdentityConnectionResolver {
  @ResolveField(() => Int, { description: 'Identities matching the filter, on all pages.' })
  totalCount(@Parent() connection: IdentityConnectionModel): Promise<number> {
    return connection.count();
  }
}
