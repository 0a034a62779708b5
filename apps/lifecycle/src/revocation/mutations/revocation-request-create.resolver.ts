import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, OwnerOrSecurityAdmin } from '@nhi/auth';
import { mutationArguments, mutationPayload } from '@nhi/graphql';
import { IdempotencyStore } from '@nhi/persistence';
import { RequestsById } from '../../progress/requests-by-id';
import { RevocationService } from '../revocation.service';
import { RevocationRequestCreateInput, RevocationRequestCreatePayload } from './revocation-request-create.types';

@OwnerOrSecurityAdmin('request a revocation')
@Resolver()
export class RevocationRequestCreateResolver {
  constructor(
    private readonly revocations: RevocationService,
    private readonly idempotency: IdempotencyStore,
    private readonly byId: RequestsById,
  ) {}

  @Mutation(() => RevocationRequestCreatePayload, {
    nullable: true,
    description:
      'Asks the integrator for this identity\'s credential to revoke it (nhi.revocation.requests.v1), retried like a rotation. An identity with a revocation in progress returns that revocation; one already REVOKED is a CONFLICT on ["identityId"]. Follow it with revocationRequest(id).',
  })
  revocationRequestCreate(
    @Args('input', { description: 'The identity, the reason and whether to force it, and the ids of the call.' })
    input: RevocationRequestCreateInput,
    @CurrentActor() actor: Actor,
  ): Promise<RevocationRequestCreatePayload> {
    const { identityId, reason, force } = input;
    return mutationPayload(input, async () => ({
      revocationRequest: await this.idempotency.once(
        { operation: 'revocationRequestCreate', actor: actor.sub, key: input.idempotencyKey, input: mutationArguments(input) },
        () => this.revocations.requestOrJoin(identityId, reason, force, actor),
        (request) => ({ id: request.id }),
        async (ref) => (await this.byId.revocations([String(ref['id'])]))[0] ?? null,
      ),
    })) as Promise<RevocationRequestCreatePayload>;
  }
}
