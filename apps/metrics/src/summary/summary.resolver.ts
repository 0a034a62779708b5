import { Args, Query, Resolver } from '@nestjs/graphql';
import { GovernanceSummaryModel } from './governance-summary.model';
import { SummaryService } from './summary.service';

@Resolver(() => GovernanceSummaryModel)
export class SummaryResolver {
  constructor(private readonly summaries: SummaryService) {}

  @Query(() => GovernanceSummaryModel, { description: 'Headline governance numbers, for the whole estate or one business unit.' })
  governanceSummary(@Args('businessUnit', { type: () => String, nullable: true }) businessUnit?: string): Promise<GovernanceSummaryModel> {
    return this.summaries.summary(businessUnit ?? undefined);
  }
}
