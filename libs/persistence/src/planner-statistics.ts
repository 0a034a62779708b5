import type { EntityManager } from 'typeorm';

export interface PlannerStatisticsOptions {
  /** Tables to ANALYZE together; the first is the one whose size sets the pace. */
  tables: readonly string[];
  /** Changed rows before the first ANALYZE, and the least between two. */
  minChangedRows?: number;
  /** Then ANALYZE again once changed rows reach this share of the table's size at the last one. */
  growthFraction?: number;
}

/**
 * Keeps the query planner's statistics fresh while a bulk write grows tables.
 * Without column statistics PostgreSQL expects a `col = ANY($1)` lookup of a
 * thousand keys to match most of the table and scans all of it, so each chunk
 * of an import gets slower as the table grows. Autovacuum would refresh them,
 * but it may be off, and it runs on its own schedule rather than between
 * chunks. Run refresh() outside the chunk's transaction.
 */
export class PlannerStatistics {
  private readonly tables: readonly string[];
  private readonly minChangedRows: number;
  private readonly growthFraction: number;
  private changedRows = 0;
  private rowsAtLastAnalyze = 0;

  constructor(options: PlannerStatisticsOptions) {
    this.tables = options.tables;
    this.minChangedRows = options.minChangedRows ?? 10_000;
    this.growthFraction = options.growthFraction ?? 0.5;
  }

  /** Records rows inserted or changed; returns whether statistics are now due. */
  recordChanges(rows: number): boolean {
    this.changedRows += rows;
    return this.changedRows >= Math.max(this.minChangedRows, this.growthFraction * this.rowsAtLastAnalyze);
  }

  /** ANALYZEs the tables when enough has changed since the last time; returns whether it did. */
  async refreshIfDue(manager: EntityManager): Promise<boolean> {
    if (!this.recordChanges(0)) return false;
    this.changedRows = 0;
    await manager.query(`ANALYZE ${this.tables.map((table) => `"${table}"`).join(', ')}`);
    const rows: Array<{ estimate: number }> = await manager.query(
      'SELECT reltuples::bigint AS estimate FROM pg_class WHERE oid = $1::regclass',
      [this.tables[0]],
    );
    this.rowsAtLastAnalyze = Math.max(0, Number(rows[0]?.estimate ?? 0));
    return true;
  }
}
