import { randomBytes } from 'node:crypto';
import { Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { Client } from 'pg';
import { DataSource, MigrationInterface, QueryRunner } from 'typeorm';
import { dataSourceOptions, PersistenceOptions } from './data-source-options';
import { dropDatabase, ensureDatabase } from './ensure-database';
import { runMigrationsCommand } from './migrate-command';
import { migrateUnderLock } from './migration-lock';
import { MigrationsPendingError, openDataSource } from './migrations-mode';
import { PersistenceModule } from './persistence.module';

// Each migration records that its up() ran, so "applied once" means run once, not only recorded once.
class CreateRuns1700000000001 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE migration_runs (name text NOT NULL)');
    await runner.query(`INSERT INTO migration_runs VALUES ('CreateRuns1700000000001')`);
    // Long enough that an instance starting beside this one finds the lock taken.
    await runner.query('SELECT pg_sleep(0.5)');
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE migration_runs');
  }
}

class AddWidgets1700000000002 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE widgets (id int PRIMARY KEY)');
    await runner.query(`INSERT INTO migration_runs VALUES ('AddWidgets1700000000002')`);
  }
  async down(runner: QueryRunner): Promise<void> {
    await runner.query('DROP TABLE widgets');
  }
}

/** Fails: AddWidgets already made the table. */
class Broken1700000000003 implements MigrationInterface {
  async up(runner: QueryRunner): Promise<void> {
    await runner.query('CREATE TABLE widgets (id int)');
  }
  async down(): Promise<void> {
    // Never applied, so never undone.
  }
}

const MIGRATIONS = [CreateRuns1700000000001, AddWidgets1700000000002];
const created: string[] = [];

/** A database name unique to this test, on the test server; dropped after the test whether or not it was created. */
function freshDatabaseUrl(label: string): string {
  const url = new URL(process.env['TEST_DATABASE_SERVER_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres');
  url.pathname = `/nhi_test_migrations_${label}_${randomBytes(4).toString('hex')}`;
  created.push(url.toString());
  return url.toString();
}

function options(url: string, overrides: Partial<PersistenceOptions> = {}): PersistenceOptions {
  return { url, applicationName: 'nhi-migrations-test', entities: [], migrations: MIGRATIONS, poolSize: 2, ...overrides };
}

async function query<T>(url: string, sql: string): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

async function databaseExists(url: string): Promise<boolean> {
  const name = new URL(url).pathname.slice(1);
  const rows = await query(new URL('/postgres', url).toString(), `SELECT 1 FROM pg_database WHERE datname = '${name}'`);
  return rows.length > 0;
}

async function expectEachAppliedOnce(url: string): Promise<void> {
  const recorded = await query<{ name: string }>(url, 'SELECT name FROM schema_migrations ORDER BY id');
  const ran = await query<{ name: string }>(url, 'SELECT name FROM migration_runs ORDER BY name');
  expect(recorded.map((row) => row.name)).toEqual(['CreateRuns1700000000001', 'AddWidgets1700000000002']);
  expect(ran.map((row) => row.name)).toEqual(['AddWidgets1700000000002', 'CreateRuns1700000000001']);
}

// Quiet: the one test that reads the log spies on it.
beforeAll(() => Logger.overrideLogger(false));

afterEach(async () => {
  jest.restoreAllMocks();
  for (const url of created.splice(0)) await dropDatabase(url);
});

describe('migrations with replicas', () => {
  it('lets two instances migrating one empty database at once take turns: each migration runs once, the second waits', async () => {
    const url = freshDatabaseUrl('race');
    await ensureDatabase(url);
    const [first, second] = await Promise.all([0, 1].map(() => new DataSource(dataSourceOptions(options(url))).initialize()));
    try {
      const runs = await Promise.all([migrateUnderLock(first!), migrateUnderLock(second!)]);

      expect(runs.map((run) => run.applied.length).sort()).toEqual([0, 2]);
      const waited = runs.filter((run) => run.waitedMs > 0);
      expect(waited).toHaveLength(1);
      expect(waited[0]!.applied).toEqual([]);
      await expectEachAppliedOnce(url);
    } finally {
      await Promise.all([first!.destroy(), second!.destroy()]);
    }
  });

  it('starts two services at once through the path a service starts by, and says plainly that one waits', async () => {
    const url = freshDatabaseUrl('start');
    await ensureDatabase(url);
    const warnings = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);

    const instances = await Promise.all(
      [0, 1].map(() => openDataSource(dataSourceOptions(options(url)), { mode: 'auto', service: 'widgets' })),
    );
    try {
      expect(instances.every((instance) => instance.isInitialized)).toBe(true);
      expect(warnings.mock.calls.map(([message]) => String(message))).toEqual([
        expect.stringMatching(/^waiting for another instance's migrations of this database to finish \(held by nhi-migrations-test/),
      ]);
      await expectEachAppliedOnce(url);
    } finally {
      await Promise.all(instances.map((instance) => instance.destroy()));
    }
  });

  it('gives the lock back when a migration fails, so the next instance is not left waiting behind it', async () => {
    const url = freshDatabaseUrl('broken');
    await ensureDatabase(url);
    const dataSource = await new DataSource(
      dataSourceOptions(options(url, { migrations: [...MIGRATIONS, Broken1700000000003] })),
    ).initialize();
    try {
      await expect(migrateUnderLock(dataSource)).rejects.toThrow(/"widgets" already exists/);
      expect(await query(url, `SELECT pid FROM pg_locks WHERE locktype = 'advisory'`)).toEqual([]);
      expect((await query<{ name: string }>(url, 'SELECT name FROM schema_migrations')).map((row) => row.name)).not.toContain(
        'Broken1700000000003',
      );
    } finally {
      await dataSource.destroy();
    }
  });
});

describe('DATABASE_MIGRATIONS=skip', () => {
  it('refuses to start while migrations are pending, saying how many and what to run, and starts once they are applied', async () => {
    const url = freshDatabaseUrl('skip');
    await ensureDatabase(url);
    const skip = { mode: 'skip', service: 'inventory' } as const;

    const refusal = openDataSource(dataSourceOptions(options(url)), skip);
    await expect(refusal).rejects.toThrow(MigrationsPendingError);
    await expect(refusal).rejects.toThrow(/is 2 migrations behind this build .*run `npm run migrate -- inventory`/);
    expect(await query(url, `SELECT to_regclass('schema_migrations') AS t`)).toEqual([{ t: null }]);

    await runMigrationsCommand({ service: 'inventory', url, entities: [], migrations: MIGRATIONS, print: () => undefined });
    const started = await openDataSource(dataSourceOptions(options(url)), skip);
    await started.destroy();
  });

  it('refuses to create a missing database and names the command that does', async () => {
    const url = freshDatabaseUrl('missing');
    await expect(openDataSource(dataSourceOptions(options(url)), { mode: 'skip', service: 'ownership' })).rejects.toThrow(
      /database does not exist.*run `npm run migrate -- ownership`/,
    );
    expect(await databaseExists(url)).toBe(false);
  });

  it('fails the module at once rather than retrying what a retry cannot mend; `auto` migrates through the same module', async () => {
    const url = freshDatabaseUrl('module');
    await ensureDatabase(url);
    const compile = (overrides: Partial<PersistenceOptions>) =>
      Test.createTestingModule({ imports: [PersistenceModule.forRootAsync({ useFactory: () => options(url, overrides) })] }).compile();

    const started = Date.now();
    await expect(compile({ migrationsMode: 'skip', service: 'lifecycle' })).rejects.toThrow(/2 migrations behind/);
    expect(Date.now() - started).toBeLessThan(2_000);

    const app = await compile({ migrationsMode: 'auto' });
    await expectEachAppliedOnce(url);
    await app.close();
  });
});

describe('npm run migrate', () => {
  it('creates the database, applies and lists what was pending, and next time finds nothing to do', async () => {
    const url = freshDatabaseUrl('command');
    const lines: string[] = [];
    const run = () =>
      runMigrationsCommand({ service: 'metrics', url, entities: [], migrations: MIGRATIONS, print: (line) => lines.push(line) });

    expect((await run()).applied).toHaveLength(2);
    await run();

    const database = new URL(url).pathname.slice(1);
    expect(lines).toEqual([
      `metrics: created database ${database}`,
      `metrics: applied 2 migrations to ${database}:`,
      '  CreateRuns1700000000001',
      '  AddWidgets1700000000002',
      `metrics: ${database} is up to date, no migration pending`,
    ]);
    await expectEachAppliedOnce(url);
  });
});
