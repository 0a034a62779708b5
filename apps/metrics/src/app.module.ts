import { DynamicModule } from '@nestjs/common';
import { SubgraphConfig } from '@nhi/config';
import { subgraphModule } from '@nhi/runtime';
import { METRICS_SCHEMA } from './schema';
import { CreateIdentityFacts1764202100000 } from './migrations/1764202100000-create-identity-facts';
import { IdentityFactEntity } from './summary/identity-fact.entity';
import { SummaryModule } from './summary/summary.module';

export const SERVICE = 'metrics';
export const DEFAULT_PORT = 4005;

export function metricsModule(config: SubgraphConfig): DynamicModule {
  return subgraphModule({
    service: SERVICE,
    config,
    entities: [IdentityFactEntity],
    migrations: [CreateIdentityFacts1764202100000],
    schema: METRICS_SCHEMA,
    features: [SummaryModule],
  });
}
