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
registerEnumType(GovernanceMetricEnum, {
  name: 'GovernanceMetric',
  description:
    'A governance figure a trend can follow, over identities not decommissioned at the close of a day. Shares are 0..1, null when there is nothing to share.',
  valuesMap: {
    IDENTITIES: { description: 'Identities not decommissioned.' },
    OWNERSHIP_COVERAGE: { description: 'Share of identities with an owner (OWNED).' },
    ORPHANED: { description: 'Identities whose owner left and that neither a backup nor a parent team took (ORPHANED).' },
    ROTATION_COMPLIANCE: { description: 'Share of identities not past their rotation due date.' },
    OVERDUE_ROTATIONS: { description: 'Identities past their rotation due date.' },
    MANAGED_ROTATION_SHARE: { description: 'Share of identities rotated through the platform or on an auto-rotating policy.' },
    ATTESTATION_COMPLETION: {
      description: 'Share of owned identities attested within ATTESTATION_WINDOW_DAYS (90) before the close of the day.',
    },
    OPEN_EXCEPTIONS: { description: 'Exceptions requested or approved and not expired by the close of the day.' },
    EXCEPTIONS_PER_100_IDENTITIES: { description: 'Open exceptions per 100 identities; null when there are no identities.' },
    OPEN_FINDINGS: {
      description: 'Open findings of every OWASP NHI category together: each finding counts, so one identity can count several times.',
    },
  },
});
export const TrendIntervalEnum: { [K in TrendInterval]: K } = { DAY: 'DAY', WEEK: 'WEEK', MONTH: 'MONTH' };
registerEnumType(TrendIntervalEnum, {
  name: 'TrendInterval',
  description: 'How long each point of a trend stands for; intervals are calendar ones, in UTC.',
  valuesMap: {
    DAY: { description: 'A point per day.' },
    WEEK: { description: 'A point per week, from Monday.' },
    MONTH: { description: 'A point per calendar month.' },
  },
});

@ObjectType('TrendPoint', { description: 'The value of a governance metric for one interval of a trend.' })
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
    @Args('metric', { type: () => GovernanceMetricEnum, description: 'The figure to follow.' }) metric: GovernanceMetric,
    @Args('from', { description: 'The first day of the trend (its UTC day counts whole); not after `to`.' }) from: Date,
    @Args('to', { description: 'The last day of the trend (its UTC day counts whole); at most 3,660 days after `from`.' }) to: Date,
    @Args('interval', {
      type: () => TrendIntervalEnum,
      defaultValue: 'DAY',
      description: 'How long each point stands for. Intervals without a snapshot have no point.',
    })
    interval: TrendInterval,
    @Args('businessUnit', {
      type: () => String,
      nullable: true,
      description: "Only this business unit's identities (its exact name); the whole estate when null.",
    })
    businessUnit: string | null,
  ): Promise<TrendPointModel[]> {
    return this.trends.trend(metric, from, to, interval, businessUnit ?? null);
  }
}
