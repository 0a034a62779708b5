import { DynamicModule } from '@nestjs/common';
import { SubgraphConfig } from '@nhi/config';
import { subgraphModule } from '@nhi/runtime';
import { METRICS_SCHEMA } from './schema';
import { GovernanceReadModels1765700000000 } from './migrations/1765700000000-governance-read-models';
import { GovernanceHistory1765900000000 } from './migrations/1765900000000-governance-history';
import { METRICS_CONFIG, loadMetricsConfig } from './metrics-config';
import { CreateIdentityFacts1764202100000 } from './migrations/1764202100000-create-identity-facts';
import { SummaryModule } from './summary/summary.module';
import { AuditModule } from './audit/audit.module';
import { AuditRecords1766100000000 } from './migrations/1766100000000-audit-records';

export const SERVICE = 'metrics';
export const DEFAULT_PORT = 4005;

export function metricsModule(config: SubgraphConfig, environment: NodeJS.ProcessEnv): DynamicModule {
  return subgraphModule({
    service: SERVICE,
    config,
    entities: [],
    migrations: [
      CreateIdentityFacts1764202100000,
      GovernanceReadModels1765700000000,
      GovernanceHistory1765900000000,
      AuditRecords1766100000000,
    ],
    schema: METRICS_SCHEMA,
    features: [SummaryModule, AuditModule],
    settings: [{ provide: METRICS_CONFIG, useValue: loadMetricsConfig(environment) }],
  });
}
