import { Logger } from '@nestjs/common';
import { DataSource, DataSourceOptions, MigrationExecutor } from 'typeorm';
import { migrateUnderLock } from './migration-lock';

/**
 * DATABASE_MIGRATIONS: `auto` migrates at start under the lock; `skip` is for
 * a deployment that runs `npm run migrate` once before the rollout (ADR 0025).
 */
export type MigrationsMode = 'auto' | 'skip';

const UNDEFINED_DATABASE = '3D000';

/** The schema is behind the code and this instance may not migrate it. Retrying cannot help. */
export class MigrationsPendingError extends Error {
  override readonly name = 'MigrationsPendingError';
}

export interface OpenDataSourceOptions {
  mode: MigrationsMode;
  /** Names the service in the command an operator is told to run. */
  service: string;
}

/**
 * Connects and brings the schema to what the code expects: migrates it, or
 * with `skip` refuses to go on while migrations are pending.
 */
export async function openDataSource(options: DataSourceOptions, how: OpenDataSourceOptions): Promise<DataSource> {
  const dataSource = await initialize(new DataSource(options), how);
  try {
    if (how.mode === 'skip') await refuseIfBehind(dataSource, how.service);
    else await migrateUnderLock(dataSource);
    return dataSource;
  } catch (error) {
    // Nest retries a failed start with a new data source: this one's pool must not linger.
    await dataSource.destroy();
    throw error;
  }
}

async function initialize(dataSource: DataSource, how: OpenDataSourceOptions): Promise<DataSource> {
  try {
    return await dataSource.initialize();
  } catch (error) {
    if (how.mode === 'skip' && (error as { code?: string }).code === UNDEFINED_DATABASE) {
      throw new MigrationsPendingError(
        `the ${how.service} database does not exist, and DATABASE_MIGRATIONS=skip does not create it: ` +
          `run \`${migrateCommand(how.service)}\` with the same DATABASE_URL (it creates the database and applies every migration), then start the service`,
      );
    }
    throw error;
  }
}

async function refuseIfBehind(dataSource: DataSource, service: string): Promise<void> {
  const pending = (await new MigrationExecutor(dataSource).getPendingMigrations()).map((migration) => migration.name);
  if (pending.length === 0) {
    new Logger('Migrations').log('schema is up to date (DATABASE_MIGRATIONS=skip: this instance does not migrate)');
    return;
  }
  throw new MigrationsPendingError(
    `the ${service} database is ${pending.length} migration${pending.length === 1 ? '' : 's'} behind this build (${pending.join(', ')}), ` +
      `and DATABASE_MIGRATIONS=skip does not migrate: run \`${migrateCommand(service)}\` with the same DATABASE_URL, then start the service`,
  );
}

export function migrateCommand(service: string): string {
  return `npm run migrate -- ${service}`;
}
