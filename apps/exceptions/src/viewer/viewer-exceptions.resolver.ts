import { Args, Context, Int, Parent, ResolveField, Resolver, ResolveReference } from '@nestjs/graphql';
import { actorFromContext, CanRead } from '@nhi/auth';
import type { SubgraphContext } from '@nhi/graphql';
import { PolicyExceptionModel } from '../exceptions/policy-exception.model';
import { ExceptionsToDecideService } from './exceptions-to-decide.service';
import { ViewerExceptionsModel } from './viewer.model';

@CanRead('read your own view')
@Resolver(() => ViewerExceptionsModel)
export class ViewerExceptionsResolver {
  constructor(private readonly toDecide: ExceptionsToDecideService) {}

  @ResolveReference()
  resolveReference(reference: { subject: string }): ViewerExceptionsModel {
    return { subject: reference.subject };
  }

  // The subject comes from the gateway's representation; the answer comes from this subgraph's own verified actor.
  @ResolveField(() => [PolicyExceptionModel], {
    nullable: true,
    description:
      'Requests this viewer may approve or reject now: undecided, unexpired, not their own; empty without the security-admin role. ' +
      'Oldest first; first: 1..500, default 50. Null when exceptions cannot answer or the subject is not the caller.',
  })
  exceptionsToDecide(
    @Parent() viewer: ViewerExceptionsModel,
    @Args('first', { type: () => Int, nullable: true, description: 'At most this many: 1 to 500, 50 when null.' }) first: number | null,
    @Context() context: SubgraphContext,
  ): Promise<PolicyExceptionModel[]> | null {
    const actor = actorFromContext(context);
    return viewer.subject === actor.sub ? this.toDecide.forActor(actor, first) : null;
  }
}
