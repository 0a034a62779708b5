import { Args, Context, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { CanRead } from '@nhi/auth';
import { groupByKeys, requestLoader, SubgraphContext, ListSize } from '@nhi/graphql';
import { ExceptionStatus } from './exception-enums';
import { ExceptionsService } from './exceptions.service';
import { IdentityWithExceptionsModel } from './identity.model';
import { PolicyExceptionModel } from './policy-exception.model';

@CanRead()
@Resolver(() => IdentityWithExceptionsModel)
export class ExceptionsResolver {
  constructor(private readonly service: ExceptionsService) {}

  @ResolveReference()
  resolveReference(reference: { id: string }): IdentityWithExceptionsModel {
    return { id: reference.id };
  }

  // Nullable so that an exceptions outage costs the page this column, not the whole page.
  // An identity rarely has more than a few exceptions over its life.
  @ListSize(5)
  @ResolveField(() => [PolicyExceptionModel], {
    nullable: true,
    description:
      'Exceptions of this identity, newest first; all of them unless a status is given. ' +
      'Null only when exceptions cannot answer; a located error in `errors` says why.',
  })
  exceptions(
    @Parent() identity: IdentityWithExceptionsModel,
    @Context() context: SubgraphContext,
    @Args('status', { type: () => ExceptionStatus, nullable: true, description: 'Only exceptions in this status; all of them when null.' })
    status?: ExceptionStatus,
  ): Promise<PolicyExceptionModel[]> {
    return requestLoader<string, PolicyExceptionModel[]>(context, `exceptions:${status ?? 'ALL'}`, async (ids) => {
      const rows = await this.service.exceptionsOf(ids, status);
      return groupByKeys(ids, rows, (row) => row.identityId);
    }).load(identity.id);
  }
}
