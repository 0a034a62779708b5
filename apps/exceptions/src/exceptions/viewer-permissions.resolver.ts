import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CanRead, CurrentActor } from '@nhi/auth';
import { APPROVER_ROLE } from './exception-decisions.service';
import { PolicyExceptionModel } from './policy-exception.model';

/** What the viewer may do with this exception, by the same rules the mutations apply (issue 22 item 3). */
@CanRead()
@Resolver(() => PolicyExceptionModel)
export class ExceptionViewerPermissionsResolver {
  @ResolveField(() => Boolean, {
    description:
      'Whether exceptionApprove and exceptionReject would accept it from the viewer: it is REQUESTED, the viewer is a security-admin, and the viewer did not request it (nobody decides their own).',
  })
  viewerCanDecide(@Parent() exception: PolicyExceptionModel, @CurrentActor() actor: Actor): boolean {
    return exception.status === 'REQUESTED' && actor.roles.includes(APPROVER_ROLE) && exception.requestedBy !== actor.sub;
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether exceptionRevoke would accept it from the viewer: it is REQUESTED or APPROVED, and the viewer requested it or is a security-admin.',
  })
  viewerCanRevoke(@Parent() exception: PolicyExceptionModel, @CurrentActor() actor: Actor): boolean {
    const open = exception.status === 'REQUESTED' || exception.status === 'APPROVED';
    return open && (exception.requestedBy === actor.sub || actor.roles.includes(APPROVER_ROLE));
  }
}
