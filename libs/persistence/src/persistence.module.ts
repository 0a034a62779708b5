import { DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import type { DataSourceOptions } from 'typeorm';
import { dataSourceOptions, PersistenceOptions } from './data-source-options';
import { ensureDatabase } from './ensure-database';
import { MigrationsPendingError, OpenDataSourceOptions, openDataSource } from './migrations-mode';

export interface PersistenceModuleOptions {
  useFactory: () => PersistenceOptions | Promise<PersistenceOptions>;
}

/**
 * TypeORM for one service: creates its database when missing, then migrates
 * at start under a lock shared by its replicas; or, with `skip`, only checks
 * that someone has (ADR 0025).
 */
@Module({})
export class PersistenceModule {
  static forRootAsync(options: PersistenceModuleOptions): DynamicModule {
    // Set by useFactory, which Nest runs once before dataSourceFactory (and its retries).
    let how: OpenDataSourceOptions = { mode: 'auto', service: 'the service' };
    return {
      module: PersistenceModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: async () => {
            const resolved = await options.useFactory();
            how = { mode: resolved.migrationsMode ?? 'auto', service: resolved.service ?? resolved.applicationName };
            // A deployment that migrates before the rollout may not let the service create databases either.
            if (how.mode === 'auto') await ensureDatabase(resolved.url, resolved.tls);
            return { ...dataSourceOptions(resolved), toRetry: (error: unknown) => !(error instanceof MigrationsPendingError) };
          },
          // Nest always passes what useFactory returned.
          dataSourceFactory: (typeOrmOptions?: DataSourceOptions) => openDataSource(typeOrmOptions as DataSourceOptions, how),
        }),
      ],
      exports: [TypeOrmModule],
    };
  }
}
