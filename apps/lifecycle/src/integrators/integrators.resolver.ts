import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CanRead, CurrentActor, SecurityAdminOnly } from '@nhi/auth';
import { RegisterIntegratorInput } from './dto/register-integrator.input';
import { IntegratorModel } from './integrator.model';
import { IntegratorsService } from './integrators.service';

@CanRead()
@Resolver(() => IntegratorModel)
export class IntegratorsResolver {
  constructor(private readonly registry: IntegratorsService) {}

  @Query(() => [IntegratorModel], { description: 'The integrators whose results are applied, by source; retired ones on request.' })
  integrators(
    @Args('includeRetired', { type: () => Boolean, defaultValue: false, description: 'Also list retired integrators.' })
    includeRetired: boolean,
  ): Promise<IntegratorModel[]> {
    return this.registry.list(includeRetired);
  }

  @SecurityAdminOnly('register an integrator')
  @Mutation(() => IntegratorModel, {
    deprecationReason: 'Use integratorRegister(input:).',
    description: 'Trusts a source for the providers named: its rotation and revocation results for their identities are applied.',
  })
  registerIntegrator(
    @Args('input', { description: 'The source and its providers.' }) input: RegisterIntegratorInput,
    @CurrentActor() actor: Actor,
  ): Promise<IntegratorModel> {
    return this.registry.register(input, actor.sub);
  }

  @SecurityAdminOnly('retire an integrator')
  @Mutation(() => IntegratorModel, {
    deprecationReason: 'Use integratorRetire(input:).',
    description: 'Stops trusting a source: its results are refused from now on, with feedback.',
  })
  retireIntegrator(@Args('source', { description: 'The source to retire.' }) source: string): Promise<IntegratorModel> {
    return this.registry.retire(source);
  }
}
