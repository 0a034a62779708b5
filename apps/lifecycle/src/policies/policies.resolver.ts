import { Args, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import { CanRead, SecurityAdminOnly } from '@nhi/auth';
import { RotationPolicyInput } from './dto/rotation-policy.input';
import { PoliciesService } from './policies.service';
import { RotationPolicyModel } from './rotation-policy.model';

@CanRead()
@Resolver(() => RotationPolicyModel)
export class PoliciesResolver {
  constructor(private readonly policies: PoliciesService) {}

  @Query(() => [RotationPolicyModel], { description: 'Every rotation policy, highest priority first.' })
  rotationPolicies(): Promise<RotationPolicyModel[]> {
    return this.policies.list();
  }

  @SecurityAdminOnly('change a rotation policy')
  @Mutation(() => RotationPolicyModel, {
    deprecationReason: 'Use rotationPolicyUpsert(input:).',
    description: 'Creates or updates a policy by name; every identity moves at once to the policy that now applies to it.',
  })
  upsertRotationPolicy(@Args('input', { description: 'The policy, by name.' }) input: RotationPolicyInput): Promise<RotationPolicyModel> {
    return this.policies.upsert(input);
  }

  @SecurityAdminOnly('delete a rotation policy')
  @Mutation(() => Boolean, {
    deprecationReason: 'Use rotationPolicyDelete(input:).',
    description: 'Deletes a policy (not the default); its identities move to the policy that applies next.',
  })
  deleteRotationPolicy(@Args('id', { type: () => ID, description: 'The policy to delete.' }) id: string): Promise<boolean> {
    return this.policies.delete(id);
  }
}
