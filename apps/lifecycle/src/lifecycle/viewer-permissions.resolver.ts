import { Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { Actor, CanRead, CurrentActor, mayActOn } from '@nhi/auth';
import { IdentityLifecycleModel } from '../identity-data/identity-lifecycle.model';

/** What the viewer may do to this identity's credential, so a portal shows or hides its buttons (issue 22 item 3). */
@CanRead()
@Resolver(() => IdentityLifecycleModel)
export class LifecycleViewerPermissionsResolver {
  @ResolveField(() => Boolean, {
    description:
      'Whether rotationRequestCreate would accept this identity from the viewer: a security-admin, or an owner of it (directly or through a team), while it is not REVOKED. Asking while a rotation runs joins that rotation.',
  })
  viewerCanRotate(@Parent() lifecycle: IdentityLifecycleModel, @CurrentActor() actor: Actor): boolean {
    return lifecycle.state !== 'REVOKED' && mayActOn(actor, { identityId: lifecycle.identityId, ownerPath: lifecycle.ownerPath ?? [] });
  }

  @ResolveField(() => Boolean, {
    description:
      'Whether revocationRequestCreate would accept this identity from the viewer (without force, which needs security-admin): a security-admin, or an owner of it, while it is not REVOKED.',
  })
  viewerCanRevoke(@Parent() lifecycle: IdentityLifecycleModel, @CurrentActor() actor: Actor): boolean {
    return lifecycle.state !== 'REVOKED' && mayActOn(actor, { identityId: lifecycle.identityId, ownerPath: lifecycle.ownerPath ?? [] });
  }
}
