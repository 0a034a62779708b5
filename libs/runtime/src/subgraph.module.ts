import { DynamicModule, Type } from '@nestjs/common';
import { APP_GUARD, APP_INTERCEPTOR } from '@nestjs/core';
import { TerminusModule } from '@nestjs/terminus';
import { AuditInTransaction, AuditPlugin, AuditRecorder, AuditScopeInterceptor } from '@nhi/audit';
import { AccessGuard } from '@nhi/auth';
import { kafkaSecurity, SubgraphConfig } from '@nhi/config';
import { SubgraphSchema, subgraphGraphQLModule } from '@nhi/graphql';
import { MessagingModule } from '@nhi/messaging';
import { PersistenceModule } from '@nhi/persistence';
import { FreeTextSecretsInterceptor } from './free-text-secrets.interceptor';
import { HealthController } from './health.controller';
import { DbPoolMetrics } from './metrics/db-pool-metrics';
import { MessagingMetrics } from './metrics/messaging-metrics';
import { ServiceMetricsModule } from './metrics/service-metrics.module';
import { loggingModule } from './logging';
import { subgraphTables } from './subgraph-migrations';

export const SUBGRAPH_CONFIG = Symbol('SUBGRAPH_CONFIG');

export interface SubgraphDefinition {
  service: string;
  config: SubgraphConfig;
  /** The service's own entities; the outbox and inbox tables are added here. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity classes
  entities: Function[];
  /** The service's own migrations, in order; the messaging tables' migrations come with them. */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for migration classes
  migrations: Function[];
  features: Array<Type | DynamicModule>;
  schema: SubgraphSchema;
  /** The service's own settings and the like, global so every feature can inject them. */
  settings?: Array<{ provide: symbol; useValue: unknown }>;
}

/**
 * Everything a subgraph is made of besides its features: validated config,
 * JSON logs, its own database (migrated at start), Kafka with outbox and inbox,
 * the federated GraphQL endpoint, where every resolver's authorisation
 * decision is enforced, every mutation's free text is checked for secrets
 * (FreeTextSecretsInterceptor) and every mutation leaves an audit record (AuditPlugin;
 * AuditRecorder for other operations such as bulk ingest), GET /health and GET /metrics.
 */
export function subgraphModule(definition: SubgraphDefinition): DynamicModule {
  const { config } = definition;
  const settings = definition.settings ?? [];
  const tables = subgraphTables(definition);
  return {
    module: class SubgraphRootModule {},
    global: true,
    imports: [
      loggingModule({ service: definition.service, level: config.LOG_LEVEL }),
      PersistenceModule.forRootAsync({
        useFactory: () => ({
          url: config.DATABASE_URL,
          applicationName: `nhi-${definition.service}`,
          ...tables,
          migrationsMode: config.DATABASE_MIGRATIONS,
          service: definition.service,
          tls: config,
        }),
      }),
      MessagingModule.forRootAsync({
        useFactory: () => ({
          serviceName: definition.service,
          brokers: config.KAFKA_BROKERS,
          security: kafkaSecurity(config),
          clientId: config.KAFKA_CLIENT_ID,
          groupId: config.KAFKA_GROUP_ID,
          topicPrefix: config.KAFKA_TOPIC_PREFIX,
          topicPartitions: config.KAFKA_TOPIC_PARTITIONS,
          topicPartitionOverrides: config.KAFKA_TOPIC_PARTITIONS_OVERRIDES,
          dlqPartitions: config.KAFKA_DLQ_PARTITIONS,
          growPartitions: config.KAFKA_TOPIC_GROW_PARTITIONS,
          replicationFactor: config.KAFKA_REPLICATION_FACTOR,
          outboxPollIntervalMs: config.OUTBOX_POLL_INTERVAL_MS,
          outboxRetentionHours: config.OUTBOX_RETENTION_HOURS,
          consumerMaxAttempts: config.CONSUMER_MAX_ATTEMPTS,
          consumerRetryBaseMs: config.CONSUMER_RETRY_BASE_MS,
          consumerRunSize: config.CONSUMER_RUN_SIZE,
          consumerSessionTimeoutMs: config.CONSUMER_SESSION_TIMEOUT_MS,
        }),
      }),
      subgraphGraphQLModule({ production: config.NODE_ENV === 'production', orphanedTypes: definition.schema.orphanedTypes }),
      TerminusModule,
      ServiceMetricsModule.forService(definition.service, [DbPoolMetrics, MessagingMetrics]),
      ...definition.features,
    ],
    controllers: [HealthController],
    providers: [
      { provide: SUBGRAPH_CONFIG, useValue: config },
      { provide: APP_GUARD, useClass: AccessGuard },
      // After the guard, before any resolver: free text that looks like a secret is refused (ADR 0016).
      { provide: APP_INTERCEPTOR, useClass: FreeTextSecretsInterceptor },
      // A mutation's resolver runs in its audit scope, so the transaction that commits its change commits its record.
      { provide: APP_INTERCEPTOR, useClass: AuditScopeInterceptor },
      AuditRecorder,
      AuditPlugin,
      AuditInTransaction,
      ...settings,
    ],
    exports: [SUBGRAPH_CONFIG, AuditRecorder, ...settings.map((setting) => setting.provide)],
  };
}
