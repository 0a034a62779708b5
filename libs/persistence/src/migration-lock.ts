import { Logger } from '@nestjs/common';
import { DataSource, MigrationExecutor, QueryRunner } from 'typeorm';

/**
 * One key for every service: advisory locks belong to the database they are
 * taken in, so each service's database has its own lock.
 */
const LOCK_KEY = "hashtext('nhi.schema-migrations')";

export interface MigrationRun {
  /** Names of the migrations this call applied, in order (none when another instance had). */
  applied: string[];
  /** How long this call waited for another instance's migrations; 0 when the lock was free. */
  waitedMs: number;
}

/**
 * Applies pending migrations while holding a session-level advisory lock, so
 * replicas starting together take turns: the second waits, then finds nothing
 * pending. The lock and the migrations share one session: if the connection
 * drops (or the process dies) the migration in progress rolls back as the lock
 * goes, and no other instance can ever migrate beside a live one.
 */
export async function migrateUnderLock(dataSource: DataSource, logger = new Logger('Migrations')): Promise<MigrationRun> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    const waitedMs = await acquireLock(runner, logger);
    try {
      const executor = new MigrationExecutor(dataSource, runner);
      executor.transaction = 'each';
      const applied = await executor.executePendingMigrations();
      return { applied: applied.map((migration) => migration.name), waitedMs };
    } finally {
      await runner.query(`SELECT pg_advisory_unlock(${LOCK_KEY})`).catch((error: unknown) => {
        // The session is gone, and the lock with it.
        logger.warn(`could not release the migrations lock: ${error instanceof Error ? error.message : String(error)}`);
      });
    }
  } finally {
    await runner.release();
  }
}

async function acquireLock(runner: QueryRunner, logger: Logger): Promise<number> {
  const [{ locked }]: Array<{ locked: boolean }> = await runner.query(`SELECT pg_try_advisory_lock(${LOCK_KEY}) AS locked`);
  if (locked) return 0;
  const started = Date.now();
  logger.warn(`waiting for another instance's migrations of this database to finish (${await lockHolder(runner)})`);
  await runner.query(`SELECT pg_advisory_lock(${LOCK_KEY})`);
  const waitedMs = Date.now() - started;
  logger.log(`the other instance's migrations are done (waited ${waitedMs} ms); checking what is still pending`);
  return waitedMs;
}

/** Who holds the lock, for the operator reading the log of an instance that seems stuck. */
async function lockHolder(runner: QueryRunner): Promise<string> {
  const rows: Array<{ pid: number; application_name: string }> = await runner.query(`
    SELECT activity.pid, activity.application_name
    FROM pg_locks lock JOIN pg_stat_activity activity ON activity.pid = lock.pid
    WHERE lock.locktype = 'advisory' AND lock.granted AND lock.objsubid = 1
      AND lock.database = (SELECT oid FROM pg_database WHERE datname = current_database())
      AND ((lock.classid::bigint << 32) | lock.objid::bigint) = ${LOCK_KEY}::bigint`);
  const holder = rows[0];
  return holder ? `held by ${holder.application_name || 'an unnamed client'}, server process ${holder.pid}` : 'its holder just left';
}
