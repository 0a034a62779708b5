import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { SecurityAdminOnly } from '@nhi/auth';
import { mutationArguments, mutationPayload } from '@nhi/graphql';
import { PoliciesService } from '../policies.service';
import {
  RotationPolicyDeleteInput,
  RotationPolicyDeletePayload,
  RotationPolicyUpsertInput,
  RotationPolicyUpsertPayload,
} from './rotation-policy-mutations.types';

/** The payload forms of the rotation policy mutations (issue 22): refusals a user can fix come back as userErrors. */
@Resolver()
export class RotationPolicyMutationsResolver {
  constructor(private readonly policies: PoliciesService) {}

  @SecurityAdminOnly('change a rotation policy')
  @Mutation(() => RotationPolicyUpsertPayload, {
    nullable: true,
    description:
      'Creates or updates a rotation policy by name; every identity moves at once to the policy that now applies to it. Needs security-admin.',
  })
  rotationPolicyUpsert(
    @Args('input', { description: 'The policy, by name, and the clientMutationId of the call.' }) input: RotationPolicyUpsertInput,
  ): Promise<RotationPolicyUpsertPayload> {
    return mutationPayload(input, async () => ({
      rotationPolicy: await this.policies.upsert(mutationArguments(input)),
    })) as Promise<RotationPolicyUpsertPayload>;
  }

  @SecurityAdminOnly('delete a rotation policy')
  @Mutation(() => RotationPolicyDeletePayload, {
    nullable: true,
    description: 'Deletes a rotation policy (not the default); its identities move to the policy that applies next. Needs security-admin.',
  })
  rotationPolicyDelete(
    @Args('input', { description: 'Which policy to delete, and the clientMutationId of the call.' }) input: RotationPolicyDeleteInput,
  ): Promise<RotationPolicyDeletePayload> {
    return mutationPayload(input, async () => {
      const deleted = await this.policies.remove(input.id);
      return { rotationPolicy: deleted, deletedRotationPolicyId: deleted.id };
    }) as Promise<RotationPolicyDeletePayload>;
  }
}
