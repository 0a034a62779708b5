import { Context, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CanRead } from '@nhi/auth';
import { byKeys, requestLoader, SubgraphContext } from '@nhi/graphql';
import { IdentityLifecycleModel, IdentityWithLifecycleModel } from '../identity-data/identity-lifecycle.model';
import { LifecycleService } from './lifecycle.service';

@CanRead()
@Resolver(() => IdentityWithLifecycleModel)
export class LifecycleResolver {
  constructor(private readonly service: LifecycleService) {}

  @ResolveReference()
  resolveReference(reference: { id: string }): IdentityWithLifecycleModel {
    return { id: reference.id };
  }

  @ResolveField(() => IdentityLifecycleModel, { nullable: true })
  lifecycle(@Parent() identity: IdentityWithLifecycleModel, @Context() context: SubgraphContext): Promise<IdentityLifecycleModel | null> {
    return requestLoader<string, IdentityLifecycleModel | null>(context, 'lifecycle', async (ids) => {
      const rows = await this.service.lifecycles(ids);
      return byKeys(
        ids,
        rows,
        (row) => row.identityId,
        () => null,
      );
    }).load(identity.id);
  }
}
