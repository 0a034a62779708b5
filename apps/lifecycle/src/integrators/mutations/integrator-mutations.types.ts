import { Allow } from 'class-validator';
import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { MutationInput, MutationPayload, withIdempotencyKey } from '@nhi/graphql';
import { RegisterIntegratorInput } from '../dto/register-integrator.input';
import { IntegratorModel } from '../integrator.model';

@InputType('IntegratorRegisterInput', {
  description: 'Registers a source, or replaces the providers of one already registered (and brings it back if retired).',
})
export class IntegratorRegisterInput extends withIdempotencyKey(RegisterIntegratorInput) {}

@InputType('IntegratorRetireInput', { description: 'Stops trusting a registered source.' })
export class IntegratorRetireInput extends MutationInput {
  @Field({ description: 'The CloudEvents source of the integrator to retire, as registered.' })
  @Allow()
  source!: string;
}

@ObjectType('IntegratorPayload', { description: 'The outcome of integratorRegister and integratorRetire.' })
export class IntegratorPayload extends MutationPayload {
  @Field(() => IntegratorModel, { nullable: true, description: 'The integrator as it is now. Null when refused.' })
  integrator!: IntegratorModel | null;
}
