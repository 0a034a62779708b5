import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, SecurityAdminOnly } from '@nhi/auth';
import { BulkRevocation } from './bulk-revocation';
import { RevocationSelectorInput } from './dto/revocation-selector.input';
import { BulkRevocationResultModel, RevocationPlanModel, planModel } from './revocation-plan.model';

@SecurityAdminOnly('plan or request a bulk revocation')
@Resolver(() => RevocationPlanModel)
export class BulkRevocationResolver {
  constructor(private readonly bulk: BulkRevocation) {}

  @Query(() => RevocationPlanModel, { description: 'A dry run: what requestBulkRevocation with this selector would touch.' })
  async planRevocation(
    @Args('selector', { description: 'Which identities to plan for.' }) selector: RevocationSelectorInput,
  ): Promise<RevocationPlanModel> {
    return planModel(await this.bulk.plan(selector));
  }

  @Mutation(() => RevocationPlanModel, {
    deprecationReason: 'Use revocationPlanCreate(input:).',
    description:
      'Plans as planRevocation does and keeps the plan, so that requestRevocations(selection: { revocationPlanId }) acts on exactly the identities reviewed.',
  })
  async saveRevocationPlan(
    @Args('selector', { description: 'Which identities to plan for.' }) selector: RevocationSelectorInput,
    @CurrentActor() actor: Actor,
  ): Promise<RevocationPlanModel> {
    const plan = await this.bulk.save(selector, actor);
    return planModel(plan, plan);
  }

  @Mutation(() => BulkRevocationResultModel, {
    deprecationReason: 'Use bulkRevocationCreate(input:).',
    description: 'Requests the revocation of every identity the selector matches (see planRevocation).',
  })
  requestBulkRevocation(
    @Args('selector', { description: 'Which identities to revoke.' }) selector: RevocationSelectorInput,
    @Args('reason', { description: 'Why they must be revoked: required, at most 1,000 characters, kept with each request.' })
    reason: string,
    @CurrentActor() actor: Actor,
  ): Promise<BulkRevocationResultModel> {
    return this.bulk.request(selector, reason, actor);
  }
}
