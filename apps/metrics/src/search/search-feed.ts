import { getHeapStatistics } from 'node:v8';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { PeriodicJob } from '@nhi/runtime';
import { METRICS_CONFIG, MetricsConfig } from '../metrics-config';
import { SearchIndex, type SearchRow } from './search-index';
import { TRANSACTION_HORIZON_SQL } from '../facts/transaction-horizon';

/** Rows fetched at a time. */
const CHUNK = 10_000;
/** How full the heap may be after the first load before the feed warns. */
const HEAP_WARNING_SHARE = 0.6;

const SELECT_ROWS = `
  SELECT identity_id AS "identityId", live, name, external_id AS "externalId", tags, kind, provider, environment,
    business_unit AS "businessUnit", privilege_level AS "privilegeLevel", ownership_status AS "ownershipStatus",
    owner_id AS "ownerId", lifecycle_state AS "lifecycleState", expires_at AS "expiresAt", findings
  FROM identity_search`;

/** The oldest transaction still running: every one before it has committed or rolled back. */

/**
 * Keeps this process's SearchIndex in step with identity_search: the whole
 * table once at start, then every SEARCH_REFRESH_MS the rows written by
 * transactions at or after the horizon of the last look. The horizon is the
 * oldest transaction running when that look's snapshot was taken, so a
 * transaction that committed after it, whatever its id, is read by the next
 * look (a sequence number would miss a writer that committed out of order).
 * Every replica keeps its own index; none of them writes.
 */
@Injectable()
export class SearchFeed extends PeriodicJob {
  readonly index = new SearchIndex();
  private horizon: string | null = null;
  private loaded!: () => void;
  private readonly ready = new Promise<void>((resolve) => (this.loaded = resolve));

  constructor(
    @Inject(METRICS_CONFIG) config: MetricsConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    super('search index', config.SEARCH_REFRESH_MS, new Logger('SearchFeed'), 0);
  }

  /** The index, once its first load has finished (queries during a start wait for it). */
  async current(): Promise<SearchIndex> {
    await this.ready;
    return this.index;
  }

  async run(): Promise<number> {
    // One snapshot for the horizon and the rows, so that nothing committed between them is skipped.
    const read = await this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const [{ horizon }] = await manager.query(TRANSACTION_HORIZON_SQL);
      const rows =
        this.horizon === null ? await this.read(manager, '', []) : await this.read(manager, 'WHERE tx >= $1::xid8', [this.horizon]);
      return { horizon: horizon as string, rows };
    });
    const first = this.horizon === null;
    this.horizon = read.horizon;
    if (first) {
      this.logger.log(`search index loaded: ${read.rows} identities`);
      this.warnWhenHeapIsShort();
      this.loaded();
    }
    return read.rows;
  }

  /** The rows, a chunk at a time through a cursor: a first load reads the whole table, which must never be in memory at once. */
  private async read(manager: EntityManager, where: string, parameters: unknown[]): Promise<number> {
    await manager.query(`DECLARE search_rows NO SCROLL CURSOR FOR ${SELECT_ROWS} ${where}`, parameters);
    let total = 0;
    for (;;) {
      const rows: SearchRow[] = await manager.query(`FETCH ${CHUNK} FROM search_rows`);
      rows.forEach((row) => this.index.upsert(row));
      total += rows.length;
      if (rows.length < CHUNK) break;
    }
    await manager.query('CLOSE search_rows');
    return total;
  }

  /** The index lives in the heap: say so, with what to do, long before it runs out rather than when the process dies. */
  private warnWhenHeapIsShort(): void {
    const { used_heap_size: used, heap_size_limit: limit } = getHeapStatistics();
    if (used > limit * HEAP_WARNING_SHARE) {
      this.logger.warn(
        `the search index of ${this.index.size} identities leaves the heap ${Math.round((used / limit) * 100)}% full; ` +
          `give metrics about 1 MB of --max-old-space-size per 2,000 identities (README, "Running one service alone")`,
      );
    }
  }
}
