import { DynamicModule } from '@nestjs/common';
import { SubgraphConfig } from '@nhi/config';
import { openApiModule, subgraphModule, SubgraphTables } from '@nhi/runtime';
import openApiDocument from '../openapi.json';
import { AuditModule } from './audit/audit.module';
import { FactsModule } from './facts/facts.module';
import { METRICS_CONFIG, loadMetricsConfig } from './metrics-config';
import { CreateIdentityFacts1764202100000 } from './migrations/1764202100000-create-identity-facts';
import { GovernanceReadModels1765700000000 } from './migrations/1765700000000-governance-read-models';
import { GovernanceHistory1765900000000 } from './migrations/1765900000000-governance-history';
import { AuditRecords1766100000000 } from './migrations/1766100000000-audit-records';
import { GovernanceCounts1767000000000 } from './migrations/1767000000000-governance-counts';
import { TrendCounts1767100000000 } from './migrations/1767100000000-trend-counts';
import { TrendMarksAppended1767200000000 } from './migrations/1767200000000-trend-marks-appended';
import { IdentitySearch1768200000000 } from './migrations/1768200000000-identity-search';
import { IdentityTimeline1768300000000 } from './migrations/1768300000000-identity-timeline';
import { SnapshotHorizon1768400000000 } from './migrations/1768400000000-snapshot-horizon';
import { ParkedModule } from './parked/parked.module';
import { ReportsModule } from './reports/reports.module';
import { METRICS_SCHEMA } from './schema';
import { SearchModule } from './search/search.module';
import { TimelineModule } from './timeline/timeline.module';
import { SummaryModule } from './summary/summary.module';
import { TrendsModule } from './trends/trends.module';

export const SERVICE = 'metrics';
export const DEFAULT_PORT = 4005;

/** The metrics service's tables; `migrate.ts` applies the same migrations as a starting service. */
export const TABLES: SubgraphTables = {
  entities: [],
  migrations: [
    CreateIdentityFacts1764202100000,
    GovernanceReadModels1765700000000,
    GovernanceHistory1765900000000,
    AuditRecords1766100000000,
    GovernanceCounts1767000000000,
    TrendCounts1767100000000,
    TrendMarksAppended1767200000000,
    IdentitySearch1768200000000,
    IdentityTimeline1768300000000,
    SnapshotHorizon1768400000000,
  ],
};

export function metricsModule(config: SubgraphConfig, environment: NodeJS.ProcessEnv): DynamicModule {
  return subgraphModule({
    service: SERVICE,
    config,
    ...TABLES,
    schema: METRICS_SCHEMA,
    features: [
      FactsModule,
      SearchModule,
      TimelineModule,
      SummaryModule,
      TrendsModule,
      ParkedModule,
      ReportsModule,
      AuditModule,
      openApiModule(openApiDocument),
    ],
    settings: [{ provide: METRICS_CONFIG, useValue: loadMetricsConfig(environment) }],
  });
}
