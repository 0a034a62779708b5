import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { subgraphSpec, waitFor } from '@nhi/testing';
import { addDays, DAY_MS, startOfDay } from '../../src/counts/buckets';
import { REFRESH_TREND_SQL } from '../../src/counts/refresh-trend.sql';
import { loadMetricsConfig } from '../../src/metrics-config';
import { bootstrap } from '../../src/main';
import { DailySnapshots } from '../../src/trends/daily-snapshots';
import {
  historyParameters,
  SNAPSHOT_COLUMNS,
  SNAPSHOT_FROM_HISTORY_SQL,
  SNAPSHOT_FROM_TOTALS_SQL,
  snapshotWindow,
  totalsParameters,
} from '../../src/trends/snapshot-sql';
import { publishAndApply, randomEstateEvents } from '../counts/random-estate-events';

// No background runs: the test runs the job itself, at the time it chooses.
const spec = subgraphSpec('metrics_snapshots', bootstrap, { env: { SNAPSHOT_INTERVAL_MS: '0' } });
const SEED = 20261204;

type SnapshotRow = Record<string, string | number>;

describe('daily snapshots', () => {
  let dataSource: DataSource | undefined;
  afterAll(async () => {
    await dataSource?.destroy();
  });

  it("take today's from the running totals, the same as from the history, after 10,000 random events, for every scope", async () => {
    const config = loadMetricsConfig({ ACTOR_SIGNING_KEY: 'x'.repeat(32) });
    // The events run from 200 days before `now` to 10 days after it; "today" is two days after that, so that
    // the history holds nothing after its end (events stamped later are checked below).
    const now = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS + DAY_MS / 2);
    const today = startOfDay(addDays(now, 12));
    const { end, attestedFrom } = snapshotWindow(today, config.ATTESTATION_WINDOW_DAYS);
    // Where the snapshot cuts: the attestation window's start, and the day's end (exceptions expiring on each side of it).
    await publishAndApply(spec.subgraph, randomEstateEvents(SEED, 10_000, 800, now, [attestedFrom, end, addDays(today, 0.5)], end), SEED);

    const ordered = `ORDER BY scope`;
    const fromHistory = () =>
      spec.subgraph.sql<SnapshotRow>(
        `SELECT * FROM (${SNAPSHOT_FROM_HISTORY_SQL}) s ${ordered}`,
        historyParameters(today, config.ATTESTATION_WINDOW_DAYS),
      );
    const fromTotals = () =>
      spec.subgraph.sql<SnapshotRow>(
        `SELECT * FROM (${SNAPSHOT_FROM_TOTALS_SQL}) s ${ordered}`,
        totalsParameters(today, config.ATTESTATION_WINDOW_DAYS),
      );
    const taken = () =>
      spec.subgraph.sql<SnapshotRow>(`SELECT scope, ${SNAPSHOT_COLUMNS} FROM governance_snapshots WHERE day = $1 ${ordered}`, [today]);

    // The facts runs only marked the identities; the job brings their totals up to date.
    dataSource = await new DataSource({ type: 'postgres', url: spec.subgraph.database.url }).initialize();
    const snapshots = new DailySnapshots(config, dataSource);
    const [{ marked }] = await spec.subgraph.sql<{ marked: number }>('SELECT count(*)::int AS marked FROM trend_dirty');
    expect(marked).toBeGreaterThan(700);
    expect(await snapshots.refreshTrends()).toBe(marked);
    expect(await spec.subgraph.sql('SELECT 1 FROM trend_dirty')).toEqual([]);

    const history = await fromHistory();
    expect(history.map((row) => row['scope'])).toEqual(['bu:', 'bu:Data', 'bu:Payments', 'bu:Risk', 'estate']);
    // The mix is meant to leave something in every column: a comparison of zeros would prove nothing.
    for (const [column, value] of Object.entries(history.at(-1) ?? {})) expect([column, value]).not.toEqual([column, 0]);
    // Every column of every scope: the totals and the history tell the same day.
    expect({ seed: SEED, rows: await fromTotals() }).toEqual({ seed: SEED, rows: history });

    // The job: earlier days from the history, today's from the totals.
    const first = await snapshots.run(addDays(today, 0.5));
    expect(first).toEqual({ days: expect.any(Number), today: 'totals' });
    expect(first.days).toBeGreaterThan(200);
    expect(await taken()).toEqual(history);

    // An event stamped after today's end: the totals count it, today's snapshot must not, so it comes from the history.
    const [live] = await spec.subgraph.sql<{ identity_id: string }>(
      "SELECT identity_id FROM identity_trend WHERE live AND business_unit = 'Risk' ORDER BY identity_id LIMIT 1",
    );
    const late = await spec.subgraph.publish('nhi.identity.decommissioned', {
      id: live.identity_id,
      reason: 'gone',
      decommissionedBy: 'alice',
      decommissionedAt: addDays(end, 0.1).toISOString(),
    });
    await waitFor(async () => (await spec.subgraph.sql('SELECT 1 FROM inbox_events WHERE event_id = $1', [late.id])).length > 0, {
      what: 'metrics to apply the late decommissioning',
    });
    expect(await snapshots.refreshTrends()).toBe(1);
    const totalsAhead = await fromTotals();
    expect(totalsAhead.find((row) => row['scope'] === 'estate')?.['identities']).toBe(Number(history.at(-1)?.['identities']) - 1);
    expect(await snapshots.run(addDays(today, 0.5))).toEqual({ days: 1, today: 'history' });
    expect(await taken()).toEqual(history);
    // Tomorrow, the decommissioning is within the day: the totals are right again.
    const tomorrow = addDays(today, 1);
    const [tomorrowFromHistory] = await spec.subgraph.sql<SnapshotRow>(
      `SELECT * FROM (${SNAPSHOT_FROM_HISTORY_SQL}) s WHERE scope = 'estate'`,
      historyParameters(tomorrow, config.ATTESTATION_WINDOW_DAYS),
    );
    expect(await snapshots.run(addDays(tomorrow, 0.5))).toEqual({ days: 1, today: 'totals' });
    const [tomorrowTaken] = await spec.subgraph.sql<SnapshotRow>(
      `SELECT scope, ${SNAPSHOT_COLUMNS} FROM governance_snapshots WHERE day = $1 AND scope = 'estate'`,
      [tomorrow],
    );
    expect(tomorrowTaken).toEqual(tomorrowFromHistory);

    // What the migration does on a database that already holds history: the totals counted afresh, all at once.
    const client = new Client({ connectionString: spec.subgraph.database.url });
    await client.connect();
    try {
      await client.query('BEGIN');
      const counts = async () =>
        (
          await client.query(
            `SELECT rollup, business_unit, measure, bucket, n FROM governance_counts
             WHERE rollup IN ('trend-unit', 'trend-all') AND n <> 0 ORDER BY 1, 2, 3, 4`,
          )
        ).rows;
      const before = await counts();
      expect(before.length).toBeGreaterThan(0);
      await client.query('DELETE FROM identity_trend');
      await client.query(`DELETE FROM governance_counts WHERE rollup IN ('trend-unit', 'trend-all')`);
      await client.query(REFRESH_TREND_SQL, [null]);
      expect(await counts()).toEqual(before);
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    }
  }, 180_000);

  it('snapshot the days of history that commits after later history it was written before', async () => {
    const config = loadMetricsConfig({ ACTOR_SIGNING_KEY: 'x'.repeat(32) });
    dataSource ??= await new DataSource({ type: 'postgres', url: spec.subgraph.database.url }).initialize();
    const snapshots = new DailySnapshots(config, dataSource);
    // Far past everything earlier in the file, so only these rows are pending.
    const today = startOfDay(addDays(new Date(), 60));
    const at = addDays(today, 0.5);
    await snapshots.run(at);
    const row = (daysBefore: number) => ['00000000-0000-4000-8000-0000000000aa', addDays(today, -daysBefore + 0.25).toISOString()];
    const insert = 'INSERT INTO state_history (identity_id, attribute, value, at) VALUES ($1, $2, $3, $4)';

    // A run of events takes a seq, then commits only after a later run of events (another topic's) has committed.
    const slow = new Client({ connectionString: spec.subgraph.database.url });
    await slow.connect();
    try {
      await slow.query('BEGIN');
      const [identity, early] = row(100);
      await slow.query(insert, [identity, 'live', 'true', early]);
      const [, recent] = row(1);
      await spec.subgraph.sql(insert, [identity, 'business_unit', 'Risk', recent]);

      // A run between the two commits sees the later history only.
      expect(await snapshots.run(at)).toEqual({ days: 2, today: 'totals' });
      await slow.query('COMMIT');
    } finally {
      await slow.query('ROLLBACK').catch(() => undefined);
      await slow.end();
    }
    // The next run takes the early history's days, though its seq is below the one the last run reached.
    expect(await snapshots.run(at)).toEqual({ days: 101, today: 'totals' });
    expect(await snapshots.run(at)).toEqual({ days: 1, today: 'totals' });
  }, 60_000);
});
