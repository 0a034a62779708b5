import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, OwnerOrSecurityAdmin } from '@nhi/auth';
import { RevocationRequestModel } from '../requests/credential-request.model';
import { RevocationService } from './revocation.service';

@OwnerOrSecurityAdmin('request a revocation')
@Resolver(() => RevocationRequestModel)
export class RevocationResolver {
  constructor(private readonly revocations: RevocationService) {}

  @Mutation(() => RevocationRequestModel, {
    deprecationReason: 'Use revocationRequestCreate(input:).',
    description:
      'Asks the integrator for this credential to revoke it (nhi.revocation.requests.v1), with retries like rotation. ' +
      'force (revoke even a credential in use) needs the security-admin role.',
  })
  requestRevocation(
    @Args('identityId', { type: () => ID, description: 'The identity whose credential is to be revoked.' }) identityId: string,
    @Args('reason', { description: 'Why it must be revoked: required, at most 1,000 characters.' }) reason: string,
    @Args('force', { type: () => Boolean, defaultValue: false, description: 'Revoke even a credential in use (security-admin only).' })
    force: boolean,
    @CurrentActor() actor: Actor,
  ): Promise<RevocationRequestModel> {
    return this.revocations.request(identityId, reason, force, actor);
  }
}
