import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, SecurityAdminOnly } from '@nhi/auth';
import { mutationArguments, mutationPayload } from '@nhi/graphql';
import { IdempotencyStore } from '@nhi/persistence';
import { IntegratorEntity } from '../integrator.entity';
import { IntegratorsService } from '../integrators.service';
import { IntegratorPayload, IntegratorRegisterInput, IntegratorRetireInput } from './integrator-mutations.types';

/** The payload forms of the integrator registry (issue 22): refusals a user can fix come back as userErrors. */
@Resolver()
export class IntegratorMutationsResolver {
  constructor(
    private readonly registry: IntegratorsService,
    private readonly idempotency: IdempotencyStore,
  ) {}

  @SecurityAdminOnly('register an integrator')
  @Mutation(() => IntegratorPayload, {
    nullable: true,
    description:
      'Trusts a source for the providers named: its rotation and revocation results for their identities are applied. Registering a source again replaces its providers and brings it back if retired. Needs security-admin.',
  })
  integratorRegister(
    @Args('input', { description: 'The source and its providers, and the ids of the call.' }) input: IntegratorRegisterInput,
    @CurrentActor() actor: Actor,
  ): Promise<IntegratorPayload> {
    return mutationPayload(input, async () => ({
      integrator: await this.idempotency.once<IntegratorEntity | null>(
        { operation: 'integratorRegister', actor: actor.sub, key: input.idempotencyKey, input: mutationArguments(input) },
        () => this.registry.register(input, actor.sub),
        (integrator) => ({ source: integrator?.source }),
        (ref) => this.registry.bySource(String(ref['source'])),
      ),
    })) as Promise<IntegratorPayload>;
  }

  @SecurityAdminOnly('retire an integrator')
  @Mutation(() => IntegratorPayload, {
    nullable: true,
    description:
      'Stops trusting a source: its results are refused from now on, with feedback. Retiring it again keeps the first time. Needs security-admin.',
  })
  integratorRetire(
    @Args('input', { description: 'The source to retire, and the clientMutationId of the call.' }) input: IntegratorRetireInput,
  ): Promise<IntegratorPayload> {
    return mutationPayload(input, async () => ({
      integrator: await this.registry.retire(input.source),
    })) as Promise<IntegratorPayload>;
  }
}
