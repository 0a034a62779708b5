import { Query, Resolver } from '@nestjs/graphql';
import { LifecycleService } from '../lifecycle/lifecycle.service';
import { RotationPolicyModel } from './rotation-policy.model';

@Resolver(() => RotationPolicyModel)
export class PoliciesResolver {
  constructor(private readonly lifecycle: LifecycleService) {}

  @Query(() => [RotationPolicyModel], { description: 'Every rotation policy, highest priority first.' })
  rotationPolicies(): Promise<RotationPolicyModel[]> {
    return this.lifecycle.policies();
  }
}
