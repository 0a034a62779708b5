import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import { Actor, CurrentActor, SecurityAdminOnly } from '@nhi/auth';
import { BulkRevocation } from './bulk-revocation';
import { RevocationSelectorInput } from './dto/revocation-selector.input';
import { BulkRevocationResultModel, RevocationPlanModel } from './revocation-plan.model';

/** A plan as the graph shows it; `saved` when it was kept. */
function planModel(plan: { toRevoke: string[]; skipped: number }, saved?: { id: string; plannedAt: Date }): RevocationPlanModel {
  return {
    id: saved?.id ?? null,
    plannedAt: saved?.plannedAt ?? null,
    toRevoke: plan.toRevoke.length,
    skipped: plan.skipped,
    identities: plan.toRevoke.map((id) => ({ id })),
  };
}

@SecurityAdminOnly('plan or request a bulk revocation')
@Resolver(() => RevocationPlanModel)
export class BulkRevocationResolver {
  constructor(private readonly bulk: BulkRevocation) {}

  @Query(() => RevocationPlanModel, { description: 'A dry run: what requestBulkRevocation with this selector would touch.' })
  async planRevocation(@Args('selector') selector: RevocationSelectorInput): Promise<RevocationPlanModel> {
    return planModel(await this.bulk.plan(selector));
  }

  @Mutation(() => RevocationPlanModel, {
    description:
      'Plans as planRevocation does and keeps the plan, so that requestRevocations(selection: { revocationPlanId }) acts on exactly the identities reviewed.',
  })
  async saveRevocationPlan(
    @Args('selector') selector: RevocationSelectorInput,
    @CurrentActor() actor: Actor,
  ): Promise<RevocationPlanModel> {
    const plan = await this.bulk.save(selector, actor);
    return planModel(plan, plan);
  }

  @Mutation(() => BulkRevocationResultModel, {
    description: 'Requests the revocation of every identity the selector matches (see planRevocation).',
  })
  requestBulkRevocation(
    @Args('selector') selector: RevocationSelectorInput,
    @Args('reason') reason: string,
    @CurrentActor() actor: Actor,
  ): Promise<BulkRevocationResultModel> {
    return this.bulk.request(selector, reason, actor);
  }
}
