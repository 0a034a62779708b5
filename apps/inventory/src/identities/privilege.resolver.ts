import { Context, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CanRead } from '@nhi/auth';
import type { SubgraphContext } from '@nhi/graphql';
import { detailOf } from './identity-details';
import { PrivilegeModel, PrivilegeReasonModel } from './privilege.model';

@CanRead()
@Resolver(() => PrivilegeModel)
export class PrivilegeResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @ResolveField(() => [PrivilegeReasonModel], { description: 'The rules that set the level, each with its evidence.' })
  async reasons(@Parent() privilege: PrivilegeModel, @Context() context: SubgraphContext): Promise<PrivilegeReasonModel[]> {
    return privilege.reasons ?? (await detailOf({ id: privilege.identityId }, 'privilegeReasons', context, this.dataSource)) ?? [];
  }
}
