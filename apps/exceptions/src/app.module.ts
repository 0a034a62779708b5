import { DynamicModule } from '@nestjs/common';
import { SubgraphConfig } from '@nhi/config';
import { subgraphModule, SubgraphTables } from '@nhi/runtime';
import { EXCEPTIONS_SCHEMA } from './schema';
import { ExceptionsModule } from './exceptions.module';
import { PolicyExceptionEntity } from './exceptions/policy-exception.entity';
import { KnownIdentityEntity } from './known-identities/known-identity.entity';
import { IdempotencyKeys1767950000000 } from '@nhi/persistence';
import { CreateExceptions1764202000000 } from './migrations/1764202000000-create-exceptions';
import { ExceptionWorkflow1765500000000 } from './migrations/1765500000000-exception-workflow';
import { OwnerPath1765800000000 } from './migrations/1765800000000-owner-path';
import { ExceptionHistoryEntity } from './exceptions/exception-history.entity';
import { EXCEPTIONS_CONFIG, loadExceptionsConfig } from './exceptions-config';
import { ExceptionMetricsModule } from './metrics/exception-metrics.module';

export const SERVICE = 'exceptions';
export const DEFAULT_PORT = 4004;

/** The exceptions service's tables; `migrate.ts` applies the same migrations as a starting service. */
export const TABLES: SubgraphTables = {
  entities: [KnownIdentityEntity, PolicyExceptionEntity, ExceptionHistoryEntity],
  migrations: [CreateExceptions1764202000000, ExceptionWorkflow1765500000000, OwnerPath1765800000000, IdempotencyKeys1767950000000],
};

export function exceptionsModule(config: SubgraphConfig, environment: NodeJS.ProcessEnv): DynamicModule {
  return subgraphModule({
    service: SERVICE,
    config,
    ...TABLES,
    schema: EXCEPTIONS_SCHEMA,
    features: [ExceptionsModule, ExceptionMetricsModule],
    settings: [{ provide: EXCEPTIONS_CONFIG, useValue: loadExceptionsConfig(environment) }],
  });
}
