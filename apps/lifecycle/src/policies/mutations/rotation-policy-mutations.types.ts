import { Allow } from 'class-validator';
import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { MutationInput, MutationPayload, withClientMutationId } from '@nhi/graphql';
import { RotationPolicyInput } from '../dto/rotation-policy.input';
import { RotationPolicyModel } from '../rotation-policy.model';

@InputType('RotationPolicyUpsertInput', {
  description:
    'Creates or updates a rotation policy by name. The most specific policy that selects an identity applies to it, ties going to priority.',
})
export class RotationPolicyUpsertInput extends withClientMutationId(RotationPolicyInput) {}

@InputType('RotationPolicyDeleteInput', { description: 'Deletes a rotation policy other than the default one.' })
export class RotationPolicyDeleteInput extends MutationInput {
  @Field(() => ID, { description: 'The policy to delete (see rotationPolicies); the default policy cannot be deleted.' })
  @Allow()
  id!: string;
}

@ObjectType('RotationPolicyUpsertPayload', { description: 'The outcome of rotationPolicyUpsert.' })
export class RotationPolicyUpsertPayload extends MutationPayload {
  @Field(() => RotationPolicyModel, {
    nullable: true,
    description: 'The policy as it is now; every identity already follows the policy that applies to it. Null when refused.',
  })
  rotationPolicy!: RotationPolicyModel | null;
}

@ObjectType('RotationPolicyDeletePayload', { description: 'The outcome of rotationPolicyDelete.' })
export class RotationPolicyDeletePayload extends MutationPayload {
  @Field(() => RotationPolicyModel, {
    nullable: true,
    description: 'The deleted policy as it was just before; its identities already follow the policy that applies next. Null when refused.',
  })
  rotationPolicy!: RotationPolicyModel | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The id of the deleted policy, for a client to drop it from its cache. Null when refused.',
  })
  deletedRotationPolicyId!: string | null;
}
