import type { DataSource, EntityManager, QueryRunner } from 'typeorm';

export interface TransactionOptions {
  /** Do everything, count everything, then roll it all back: what a dry run reports without changing anything. */
  dryRun?: boolean;
}

/**
 * Runs work in one transaction on the runner and commits it, or rolls it back
 * when it fails or when it is a dry run. The one way every service does a dry
 * run: the same statements as the real thing, so the report is the real report.
 */
export async function inTransaction<T>(
  runner: QueryRunner,
  work: (manager: EntityManager) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  await runner.startTransaction();
  try {
    const result = await work(runner.manager);
    if (options.dryRun) await runner.rollbackTransaction();
    else await runner.commitTransaction();
    return result;
  } catch (error) {
    if (runner.isTransactionActive) await runner.rollbackTransaction();
    throw error;
  }
}

/** `inTransaction` on a connection of its own from the data source, released afterwards. */
export async function transaction<T>(
  dataSource: DataSource,
  work: (manager: EntityManager) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  const runner = dataSource.createQueryRunner();
  await runner.connect();
  try {
    return await inTransaction(runner, work, options);
  } finally {
    await runner.release();
  }
}
