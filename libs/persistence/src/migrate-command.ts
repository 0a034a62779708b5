import { DataSource } from 'typeorm';
import { dataSourceOptions, PersistenceOptions } from './data-source-options';
import { databaseName, ensureDatabase } from './ensure-database';
import { migrateUnderLock, MigrationRun } from './migration-lock';

export interface MigrationsCommandOptions extends Pick<PersistenceOptions, 'url' | 'entities' | 'migrations' | 'tls'> {
  service: string;
  /** Where the report goes; standard output unless a test listens. */
  print?: (line: string) => void;
}

/**
 * `npm run migrate -- <service>`: what a deployment runs once before rolling
 * out replicas that start with DATABASE_MIGRATIONS=skip. Creates the database
 * if missing, applies pending migrations under the same lock as a starting
 * service, and reports what it applied. Never prints the URL (it may hold a password).
 */
export async function runMigrationsCommand(options: MigrationsCommandOptions): Promise<MigrationRun> {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  const database = databaseName(options.url);
  if ((await ensureDatabase(options.url, options.tls)) === 'created') print(`${options.service}: created database ${database}`);
  const dataSource = await new DataSource(
    dataSourceOptions({ ...options, applicationName: `nhi-${options.service}-migrate`, poolSize: 2 }),
  ).initialize();
  try {
    const run = await migrateUnderLock(dataSource);
    if (run.applied.length === 0) {
      print(`${options.service}: ${database} is up to date, no migration pending`);
    } else {
      print(`${options.service}: applied ${run.applied.length} migration${run.applied.length === 1 ? '' : 's'} to ${database}:`);
      for (const name of run.applied) print(`  ${name}`);
    }
    return run;
  } finally {
    await dataSource.destroy();
  }
}

/** The command's process: the report, or one plain line saying what failed, and the exit code to match. */
export async function migrateMain(options: MigrationsCommandOptions): Promise<void> {
  try {
    await runMigrationsCommand(options);
  } catch (error) {
    // Driver messages name the server and database at most, never the URL's password.
    process.stderr.write(`${options.service}: migrations failed: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
