import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { PeriodicJob, runExclusively } from '@nhi/runtime';
import { addDays, DAY_MS, startOfDay } from '../counts/buckets';
import { REFRESH_TREND_SQL } from '../counts/refresh-trend.sql';
import { TRANSACTION_HORIZON_SQL } from '../facts/transaction-horizon';
import { METRICS_CONFIG, MetricsConfig } from '../metrics-config';
import {
  historyParameters,
  SNAPSHOT_COLUMNS,
  SNAPSHOT_FROM_HISTORY_SQL,
  SNAPSHOT_FROM_TOTALS_SQL,
  snapshotWindow,
  totalsParameters,
} from './snapshot-sql';

/** Marked identities whose totals one transaction brings up to date. */
const TREND_CHUNK = 2_000;

/** Where a run took today's snapshot from. */
export type TodayFrom = 'totals' | 'history';

/**
 * Daily snapshots per business unit and for the estate, as state_history
 * stood at the end of each day (UTC). Today's, which every run takes again,
 * is read from the snapshots' running totals, a few rows per business unit,
 * after they are brought up to date with the history of the identities the
 * facts runs marked (refreshTrends); from the history only while some entry is stamped at or
 * after today's end, which the totals already count. Earlier days are computed from
 * the history, from the earliest day that new history touches (events can
 * arrive late, or all at once in a rebuild), so the same events always give
 * the same snapshots. Runs every SNAPSHOT_INTERVAL_MS, and once soon after
 * start.
 */
@Injectable()
export class DailySnapshots extends PeriodicJob {
  constructor(
    @Inject(METRICS_CONFIG) private readonly config: MetricsConfig,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {
    // A first run soon after start, so trends do not wait a whole interval after a deploy or a rebuild.
    super('daily snapshots', config.SNAPSHOT_INTERVAL_MS, new Logger('DailySnapshots'), Math.min(10_000, config.SNAPSHOT_INTERVAL_MS));
  }

  /** `days`: how many days' snapshots were taken, today's included; `today`: where today's came from (none when another run held the lock). */
  async run(now = new Date()): Promise<{ days: number; today?: TodayFrom }> {
    await this.refreshTrends();
    // One run at a time across instances; the next one recomputes the same days from the same history.
    const taken = await runExclusively(this.dataSource, 'metrics-daily-snapshots', async (manager) => {
      // First, so that every transaction older than the horizon has committed before the history is read below.
      const [{ horizon }] = await manager.query(TRANSACTION_HORIZON_SQL);
      const [progress] = await manager.query('SELECT seq, horizon::text AS horizon FROM snapshot_progress WHERE id = 1 FOR UPDATE');
      // Past the last run's seq, or written by a transaction still running then: its seq may be below that run's.
      const [pending] = await manager.query(
        'SELECT min(at) AS since, max(seq) AS upto FROM state_history WHERE seq > $1 OR tx >= $2::xid8',
        [progress.seq, progress.horizon],
      );
      const today = startOfDay(now);
      const earliest = new Date(today.getTime() - this.config.SNAPSHOT_BACKFILL_DAYS * DAY_MS);
      let from = pending.since ? startOfDay(new Date(pending.since)) : today;
      if (from < earliest) from = earliest;
      let days = 0;
      for (let day = from; day < today; day = addDays(day, 1)) {
        await this.fromHistory(manager, day);
        days += 1;
      }
      const source: TodayFrom = (await this.fromTotals(manager, today)) ? 'totals' : 'history';
      if (source === 'history') await this.fromHistory(manager, today);
      await manager.query('UPDATE snapshot_progress SET seq = greatest(seq, coalesce($1, seq)), horizon = $2::xid8 WHERE id = 1', [
        pending.upto,
        horizon,
      ]);
      if (days > 0) this.logger.log(`snapshots of ${days + 1} days taken, from ${from.toISOString().slice(0, 10)}`);
      return { days: days + 1, today: source };
    });
    return taken ?? { days: 0 };
  }

  /**
   * Brings the snapshots' totals (identity_trend, the trend rollups) up to date
   * with the history of the identities the facts runs marked, a chunk of marks
   * per transaction; returns how many marks it took. A mark is taken and its
   * totals moved in one transaction, and a run that commits history later
   * marks the identity again, so nothing is missed whatever order runs commit
   * in. An identity marked several times in a chunk is refreshed once; one
   * marked again in a later chunk is refreshed again, which changes nothing.
   * Instances take turns a chunk at a time; only this job writes the trend
   * rows, in key order.
   */
  async refreshTrends(): Promise<number> {
    let refreshed = 0;
    for (;;) {
      const taken = await this.dataSource.transaction(async (manager) => {
        // One chunk at a time across instances. Marks have no key, so two instances could each hold a mark of one
        // identity and both move its totals by the same difference; taking turns, the second reads the first's rows.
        await manager.query("SELECT pg_advisory_xact_lock(hashtext('metrics-trend-refresh'))");
        // Marks are taken in the order written, by their seq index: a heap scan would walk the dead rows of every chunk before it.
        const [{ marks, ids }]: Array<{ marks: number; ids: string[] | null }> = await manager.query(
          `WITH taken AS (
             DELETE FROM trend_dirty WHERE seq IN (
               SELECT seq FROM trend_dirty ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED)
             RETURNING identity_id)
           SELECT count(*)::int AS marks, array_agg(DISTINCT identity_id::text ORDER BY identity_id::text) AS ids FROM taken`,
          [TREND_CHUNK],
        );
        if (ids) {
          await manager.query("SELECT set_config('jit', 'off', true)");
          await manager.query(REFRESH_TREND_SQL, [ids]);
        }
        return marks;
      });
      refreshed += taken;
      if (taken < TREND_CHUNK || this.stopping) return refreshed;
    }
  }

  /** The state of every identity at the end of `day`, from the history: a scan of it up to then. */
  private async fromHistory(manager: EntityManager, day: Date): Promise<void> {
    await manager.query('DELETE FROM governance_snapshots WHERE day = $1', [day]);
    await manager.query(
      `INSERT INTO governance_snapshots (day, scope, ${SNAPSHOT_COLUMNS})
       SELECT $3, s.* FROM (${SNAPSHOT_FROM_HISTORY_SQL}) s`,
      [...historyParameters(day, this.config.ATTESTATION_WINDOW_DAYS), day],
    );
  }

  /**
   * Today's snapshot from the running totals, unless the history has an entry
   * stamped at or after today's end (the totals count it, a snapshot of today
   * must not): then nothing is written and it says so. One statement, so the
   * check and the totals see the same commits.
   */
  private async fromTotals(manager: EntityManager, day: Date): Promise<boolean> {
    await manager.query('DELETE FROM governance_snapshots WHERE day = $1', [day]);
    const written: unknown[] = await manager.query(
      `INSERT INTO governance_snapshots (day, scope, ${SNAPSHOT_COLUMNS})
       SELECT $3, s.* FROM (${SNAPSHOT_FROM_TOTALS_SQL}) s
       WHERE NOT EXISTS (SELECT 1 FROM state_history WHERE at >= $4)
       RETURNING scope`,
      [...totalsParameters(day, this.config.ATTESTATION_WINDOW_DAYS), day, snapshotWindow(day, this.config.ATTESTATION_WINDOW_DAYS).end],
    );
    return written.length > 0;
  }
}
