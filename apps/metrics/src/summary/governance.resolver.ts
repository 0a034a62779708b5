import { Args, Query, Resolver } from '@nestjs/graphql';
import { CanRead } from '@nhi/auth';
import type { Framework } from '../governance/framework-controls';
import { BusinessUnitAdoptionModel, ControlCoverageModel, FrameworkEnum, GovernanceSummaryModel } from './governance-summary.model';
import { GovernanceService } from './governance.service';

const AT_DESCRIPTION = 'The time ages and windows are measured from; now by default.';

@CanRead()
@Resolver(() => GovernanceSummaryModel)
export class GovernanceResolver {
  constructor(private readonly governance: GovernanceService) {}

  @Query(() => GovernanceSummaryModel, { description: 'Headline governance numbers, for the whole estate or one business unit.' })
  governanceSummary(
    @Args('businessUnit', {
      type: () => String,
      nullable: true,
      description: "Only this business unit's identities (its exact name); the whole estate when null.",
    })
    businessUnit?: string | null,
    @Args('at', { type: () => Date, nullable: true, description: AT_DESCRIPTION }) at?: Date | null,
  ): Promise<GovernanceSummaryModel> {
    return this.governance.summary({ businessUnit: businessUnit ?? null }, at ?? undefined);
  }

  @Query(() => [BusinessUnitAdoptionModel], { description: 'Adoption per business unit, with a readiness stage.' })
  adoption(
    @Args('at', { type: () => Date, nullable: true, description: AT_DESCRIPTION }) at?: Date | null,
  ): Promise<BusinessUnitAdoptionModel[]> {
    return this.governance.adoption(at ?? undefined);
  }

  @Query(() => [ControlCoverageModel], { description: 'How far the estate meets each control of a framework, with the metrics behind it.' })
  frameworkCoverage(
    @Args('framework', { type: () => FrameworkEnum, description: 'The framework whose controls to measure.' }) framework: Framework,
    @Args('at', { type: () => Date, nullable: true, description: AT_DESCRIPTION }) at?: Date | null,
  ): Promise<ControlCoverageModel[]> {
    return this.governance.frameworkCoverage(framework, at ?? undefined);
  }
}
