import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, OwnerOrSecurityAdmin } from '@nhi/auth';
import { mutationPayload } from '@nhi/graphql';
import { IdempotencyStore } from '@nhi/persistence';
import { RequestsById } from '../../progress/requests-by-id';
import { RotationService } from '../rotation.service';
import { RotationRequestCreateInput, RotationRequestCreatePayload } from './rotation-request-create.types';

@OwnerOrSecurityAdmin('request a rotation')
@Resolver()
export class RotationRequestCreateResolver {
  constructor(
    private readonly rotations: RotationService,
    private readonly idempotency: IdempotencyStore,
    private readonly byId: RequestsById,
  ) {}

  @Mutation(() => RotationRequestCreatePayload, {
    nullable: true,
    description:
      "Asks the integrator for this identity's credentials to rotate them now (nhi.rotation.requests.v1); a failed or timed-out attempt is retried with backoff up to the policy's maxAttempts. An identity already rotating returns that rotation. Follow it with rotationRequest(id), polling as that query describes.",
  })
  rotationRequestCreate(
    @Args('input', { description: 'The identity, the reason and an optional idempotencyKey.' }) input: RotationRequestCreateInput,
    @CurrentActor() actor: Actor,
  ): Promise<RotationRequestCreatePayload> {
    const { identityId, reason, idempotencyKey } = input;
    return mutationPayload(input, async () => ({
      rotationRequest: await this.idempotency.once(
        { operation: 'rotationRequestCreate', actor: actor.sub, key: idempotencyKey, input: { identityId, reason } },
        () => this.rotations.requestOrJoin(identityId, reason, actor),
        (request) => ({ id: request.id }),
        async (ref) => (await this.byId.rotations([String(ref['id'])]))[0] ?? null,
      ),
    })) as Promise<RotationRequestCreatePayload>;
  }
}
