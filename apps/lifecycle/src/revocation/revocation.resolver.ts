import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, OwnerOrSecurityAdmin } from '@nhi/auth';
import { RevocationRequestModel } from '../requests/credential-request.model';
import { RevocationService } from './revocation.service';

@OwnerOrSecurityAdmin('request a revocation')
@Resolver(() => RevocationRequestModel)
export class RevocationResolver {
  constructor(private readonly revocations: RevocationService) {}

  @Mutation(() => RevocationRequestModel, {
    description:
      'Asks the integrator for this credential to revoke it (nhi.revocation.requests.v1), with retries like rotation. ' +
      'force (revoke even a credential in use) needs the security-admin role.',
  })
  requestRevocation(
    @Args('identityId', { type: () => ID }) identityId: string,
    @Args('reason') reason: string,
    @Args('force', { type: () => Boolean, defaultValue: false }) force: boolean,
    @CurrentActor() actor: Actor,
  ): Promise<RevocationRequestModel> {
    return this.revocations.request(identityId, reason, force, actor);
  }
}
