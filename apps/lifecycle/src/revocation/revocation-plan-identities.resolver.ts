import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { SecurityAdminOnly } from '@nhi/auth';
import { pageOfList } from '@nhi/graphql';
import { LifecycleIdentityConnectionModel } from '../rotation/lifecycle-identity-connection.model';
import { RevocationPlanModel } from './revocation-plan.model';

/** A plan can hold up to a mass action's 100,000 identities: a portal pages through them instead of taking them in one list. */
@SecurityAdminOnly('plan or request a bulk revocation')
@Resolver(() => RevocationPlanModel)
export class RevocationPlanIdentitiesResolver {
  @ResolveField(() => LifecycleIdentityConnectionModel, {
    description: 'The identities it would request revocations for, a page at a time in the order of `identities`; totalCount is toRevoke.',
  })
  identitiesConnection(
    @Parent() plan: RevocationPlanModel,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 500 (50 when left out).' }) first: number | null,
    @Args('after', { type: () => String, nullable: true, description: "The previous page's pageInfo.endCursor." }) after: string | null,
  ): LifecycleIdentityConnectionModel {
    const page = pageOfList(plan.identities, first, after, (identity) => identity.id);
    return { ...page, count: () => Promise.resolve(plan.identities.length) };
  }
}
