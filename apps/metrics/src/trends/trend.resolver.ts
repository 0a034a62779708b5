import { Args, Field, Float, ObjectType, Query, registerEnumType, Resolver } from '@nestjs/graphql';
import { CanRead } from '@nhi/auth';
import { GovernanceMetric, TrendInterval, TrendService } from './trend.service';

/** Every metric a trend can follow, in the schema's order. */
export const GOVERNANCE_METRICS: GovernanceMetric[] = [
  'IDENTITIES',
  'OWNERSHIP_COVERAGE',
  'ORPHANED',
  'ROTATION_COMPLIANCE',
  'OVERDUE_ROTATIONS',
  'MANAGED_ROTATION_SHARE',
  'ATTESTATION_COMPLETION',
  'OPEN_EXCEPTIONS',
  'EXCEPTIONS_PER_100_IDENTITIES',
  'OPEN_FINDINGS',
];
export const GovernanceMetricEnum = Object.fromEntries(GOVERNANCE_METRICS.map((m) => [m, m])) as { [K in GovernanceMetric]: K };
registerEnumType(GovernanceMetricEnum, { name: 'GovernanceMetric' });
export const TrendIntervalEnum: { [K in TrendInterval]: K } = { DAY: 'DAY', WEEK: 'WEEK', MONTH: 'MONTH' };
registerEnumType(TrendIntervalEnum, { name: 'TrendInterval' });

@ObjectType('TrendPoint')
export class TrendPointModel {
  @Field({ description: 'Start of the interval (UTC).' })
  at!: Date;

  @Field(() => Float, { nullable: true, description: 'At the close of the last day of the interval that has a snapshot.' })
  value!: number | null;
}

@CanRead()
@Resolver(() => TrendPointModel)
export class TrendResolver {
  constructor(private readonly trends: TrendService) {}

  @Query(() => [TrendPointModel], {
    description:
      'A governance metric over time, from daily snapshots computed from event times (so a rebuild rebuilds them); the estate unless a business unit is given.',
  })
  governanceTrend(
    @Args('metric', { type: () => GovernanceMetricEnum }) metric: GovernanceMetric,
    @Args('from') from: Date,
    @Args('to') to: Date,
    @Args('interval', { type: () => TrendIntervalEnum, defaultValue: 'DAY' }) interval: TrendInterval,
    @Args('businessUnit', { type: () => String, nullable: true }) businessUnit: string | null,
  ): Promise<TrendPointModel[]> {
    return this.trends.trend(metric, from, to, interval, businessUnit ?? null);
  }
}
