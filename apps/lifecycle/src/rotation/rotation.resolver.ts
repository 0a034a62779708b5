import { Args, ID, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, OwnerOrSecurityAdmin } from '@nhi/auth';
import { RotationRequestModel } from '../requests/credential-request.model';
import { RotationService } from './rotation.service';

@OwnerOrSecurityAdmin('request a rotation')
@Resolver(() => RotationRequestModel)
export class RotationResolver {
  constructor(private readonly rotations: RotationService) {}

  @Mutation(() => RotationRequestModel, {
    deprecationReason:
      'Use rotationRequestCreate: it reports refusals as userErrors, takes an idempotencyKey and returns a rotation already in progress',
    description:
      'Asks the integrator for this credential to rotate it now (nhi.rotation.requests.v1). A failed or timed-out attempt is ' +
      "retried with backoff up to the policy's maxAttempts.",
  })
  requestRotation(
    @Args('identityId', { type: () => ID, description: 'The identity whose credential to rotate.' }) identityId: string,
    @Args('reason', { description: 'Why: required, at most 1,000 characters; recorded with the request and kept by its retries.' })
    reason: string,
    @CurrentActor() actor: Actor,
  ): Promise<RotationRequestModel> {
    return this.rotations.request(identityId, reason, actor);
  }
}
