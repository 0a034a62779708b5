import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import type { MigrationsMode } from './migrations-mode';
import { NestTypeOrmLogger } from './nest-typeorm-logger';
import { typeOrmConnection, type PostgresTlsEnv } from './postgres-tls';

export interface PersistenceOptions {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity and migration classes
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity and migration classes
  migrations: MixedList<Function | string>;
  applicationName: string;
  poolSize?: number;
  /** `auto` (the default) or `skip`: see MigrationsMode. */
  migrationsMode?: MigrationsMode;
  /** The service's name, for the `migrate` command an operator is told to run; applicationName when not given. */
  service?: string;
  /** libpq's TLS settings (PGSSLMODE ...) where the URL has none; the process environment when left out (ADR 0034). */
  tls?: PostgresTlsEnv;
}

/** Connections a service's pool holds unless it says otherwise. */
export const DEFAULT_POOL_SIZE = 10;

/**
 * The one way a service talks to its database: migrations run at start
 * (openDataSource, under a lock) or before it, the schema is never
 * synchronised from entities.
 */
export function dataSourceOptions(options: PersistenceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    ...typeOrmConnection(options.url, options.tls),
    applicationName: options.applicationName,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'schema_migrations',
    // Not inside initialize(), where replicas would race: openDataSource runs them under an advisory lock.
    migrationsRun: false,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logger: new NestTypeOrmLogger(),
    maxQueryExecutionTime: 1000,
    extra: { max: options.poolSize ?? DEFAULT_POOL_SIZE },
  };
}
