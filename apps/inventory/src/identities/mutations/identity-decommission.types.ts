import { Allow } from 'class-validator';
import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { MutationInput, MutationPayload } from '@nhi/graphql';
import { IdentityModel } from '../identity.model';

@InputType('IdentityDecommissionInput', { description: 'Takes one identity out of use, with a reason.' })
export class IdentityDecommissionInput extends MutationInput {
  @Field(() => ID, { description: 'The identity to decommission.' })
  @Allow()
  id!: string;

  @Field({
    description:
      'Why it is taken out of use: required, up to 1000 characters, never secret material; kept with the identity and in its event.',
  })
  @Allow()
  reason!: string;
}

@ObjectType('IdentityDecommissionPayload', { description: 'The outcome of identityDecommission.' })
export class IdentityDecommissionPayload extends MutationPayload {
  @Field(() => IdentityModel, {
    nullable: true,
    description: "The identity, DECOMMISSIONED, with who did it, when and why (the first call's, on a repeat). Null when refused.",
  })
  identity!: IdentityModel | null;
}
