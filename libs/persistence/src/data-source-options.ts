import type { DataSourceOptions, MixedList, EntitySchema } from 'typeorm';
import { NestTypeOrmLogger } from './nest-typeorm-logger';

export interface PersistenceOptions {
  url: string;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity and migration classes
  entities: MixedList<Function | string | EntitySchema>;
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type -- TypeORM's own type for entity and migration classes
  migrations: MixedList<Function | string>;
  applicationName: string;
  poolSize?: number;
}

/** Connections a service's pool holds unless it says otherwise. */
export const DEFAULT_POOL_SIZE = 10;

/**
 * The one way a service talks to its database: migrations run at start,
 * the schema is never synchronised from entities.
 */
export function dataSourceOptions(options: PersistenceOptions): DataSourceOptions {
  return {
    type: 'postgres',
    url: options.url,
    applicationName: options.applicationName,
    entities: options.entities,
    migrations: options.migrations,
    migrationsTableName: 'schema_migrations',
    migrationsRun: true,
    migrationsTransactionMode: 'each',
    synchronize: false,
    logger: new NestTypeOrmLogger(),
    maxQueryExecutionTime: 1000,
    extra: { max: options.poolSize ?? DEFAULT_POOL_SIZE },
  };
}
