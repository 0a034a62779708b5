import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager } from 'typeorm';
import { PeriodicJob } from '@nhi/runtime';
import { DAY_MS, startOfDay } from '../counts/buckets';
import { METRICS_CONFIG, MetricsConfig } from '../metrics-config';

/**
 * Daily snapshots per business unit and for the estate, computed from
 * state_history as it stood at the end of each day (UTC). Every run
 * recomputes from the earliest day that new history touches (events can
 * arrive late, or all at once in a rebuild) through today, so the same
 * events always give the same snapshots. Runs every SNAPSHOT_INTERVAL_MS, and
 * once soon after start.
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

  async run(now = new Date()): Promise<{ days: number }> {
    // One run at a time across instances: the lock is released with the transaction.
    return this.dataSource.transaction(async (manager) => {
      const [{ locked }] = await manager.query("SELECT pg_try_advisory_xact_lock(hashtext('metrics-daily-snapshots')) AS locked");
      if (!locked) return { days: 0 };
      const [progress] = await manager.query('SELECT seq FROM snapshot_progress WHERE id = 1 FOR UPDATE');
      const [pending] = await manager.query('SELECT min(at) AS since, max(seq) AS upto FROM state_history WHERE seq > $1', [progress.seq]);
      const today = startOfDay(now);
      const earliest = new Date(today.getTime() - this.config.SNAPSHOT_BACKFILL_DAYS * DAY_MS);
      let from = pending.since ? startOfDay(new Date(pending.since)) : today;
      if (from < earliest) from = earliest;
      let days = 0;
      for (let day = from; day <= today; day = new Date(day.getTime() + DAY_MS)) {
        await this.snapshot(manager, day);
        days += 1;
      }
      if (pending.upto) await manager.query('UPDATE snapshot_progress SET seq = $1 WHERE id = 1', [pending.upto]);
      if (days > 1) this.logger.log(`snapshots of ${days} days computed, from ${from.toISOString().slice(0, 10)}`);
      return { days };
    });
  }

  /** The state of every identity at the end of `day`, counted per business unit and for the estate. */
  private async snapshot(manager: EntityManager, day: Date): Promise<void> {
    const end = new Date(day.getTime() + DAY_MS);
    await manager.query('DELETE FROM governance_snapshots WHERE day = $1', [day]);
    await manager.query(
      `WITH latest AS (
         SELECT DISTINCT ON (identity_id, attribute) identity_id, attribute, value, until, at
         FROM state_history WHERE at < $2
         ORDER BY identity_id, attribute, at DESC, seq DESC),
       identity AS (
         SELECT identity_id,
           max(value) FILTER (WHERE attribute = 'live') AS live,
           max(value) FILTER (WHERE attribute = 'business_unit') AS business_unit,
           max(value) FILTER (WHERE attribute = 'ownership') AS ownership,
           max(at) FILTER (WHERE attribute = 'attested') AS attested_at,
           max(value) FILTER (WHERE attribute = 'overdue') AS overdue,
           max(value) FILTER (WHERE attribute = 'managed') AS managed,
           count(*) FILTER (WHERE attribute LIKE 'finding:%' AND value = '1') AS findings,
           count(*) FILTER (WHERE attribute LIKE 'exception:%' AND value IN ('REQUESTED', 'APPROVED') AND until >= $2) AS exceptions
         FROM latest GROUP BY identity_id)
       INSERT INTO governance_snapshots (day, scope, identities, owned, orphaned, attested, overdue, managed, open_exceptions, open_findings)
       SELECT $1, CASE WHEN grouping(business_unit) = 1 THEN 'estate' ELSE 'bu:' || coalesce(business_unit, '') END,
         count(*),
         count(*) FILTER (WHERE ownership = 'OWNED'),
         count(*) FILTER (WHERE ownership = 'ORPHANED'),
         count(*) FILTER (WHERE ownership = 'OWNED' AND attested_at >= $2 - make_interval(days => $3)),
         count(*) FILTER (WHERE overdue = '1'),
         count(*) FILTER (WHERE managed = '1'),
         coalesce(sum(exceptions), 0),
         coalesce(sum(findings), 0)
       FROM identity WHERE live = '1'
       GROUP BY GROUPING SETS ((business_unit), ())`,
      [day, end, this.config.ATTESTATION_WINDOW_DAYS],
    );
  }
}
