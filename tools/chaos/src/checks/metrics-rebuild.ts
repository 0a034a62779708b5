import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { spawnService, tail, waitHealthy, type ServiceProcess } from '@nhi/launcher';
import { checkResult } from './check-result';
import type { Check, CheckContext, CheckResult } from './context';
import { databaseNameOf, databaseUrlFor, withDatabase } from './databases';
import { unsentOutboxRows } from './backlog';
import { measureLag, topicEnds, withAdmin, type GroupLag } from './kafka-offsets';
import { compareRows, READ_MODELS, readModelRows, type TableDifference } from './read-models';
import { STABLE_MS } from './settled';

export const METRICS_REBUILD = 'metrics-rebuild';

const START_TIMEOUT_MS = 180_000;
/** A rebuild reads every event of the run again: minutes for a big run. */
const REBUILD_TIMEOUT_MS = 30 * 60_000;
const POLL_MS = 1_000;
const PROGRESS_EVERY_MS = 15_000;
/** A live database still taking events while it is read can differ for a moment: compared again before it counts. */
const COMPARISONS = 2;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  if (!/^[A-Za-z_][A-Za-z0-9_-]{0,62}$/.test(name)) throw new Error(`refusing to drop a database named ${JSON.stringify(name)}`);
  await withDatabase(databaseUrlFor(serverUrl, 'postgres'), (db) => db.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
}

/** The live metrics group(s) of the run, so the comparison waits for them too. */
const liveMetricsGroups = (ctx: CheckContext) => ctx.groupIds.filter((group) => /metrics/i.test(group));

/**
 * Waits until the rebuild's group has read every topic it subscribes to (and
 * the live metrics group too, so both have seen the same events) and the
 * rebuild's outbox is drained, for STABLE_MS.
 */
async function waitRebuilt(ctx: CheckContext, service: ServiceProcess, groupId: string, url: string): Promise<void> {
  const started = Date.now();
  let reported = started;
  let caughtUpSince: number | null = null;
  await withAdmin(ctx.brokers, async (admin) => {
    for (;;) {
      if (service.process.exitCode !== null || service.process.signalCode !== null) {
        throw new Error(`the rebuild's metrics process exited (${service.logFile}):\n${tail(service.logFile, 10)}`);
      }
      let lags: GroupLag[] = [];
      let unsent = -1;
      try {
        lags = await measureLag(admin, [groupId, ...liveMetricsGroups(ctx)], await topicEnds(admin, ctx.topicPrefix));
        unsent = await unsentOutboxRows(url);
      } catch {
        // Not caught up, as far as anyone can tell: polled again.
      }
      const rebuild = lags.find((g) => g.groupId === groupId);
      const caughtUp =
        Boolean(rebuild && rebuild.members > 0 && rebuild.topics.length > 0) && unsent === 0 && lags.every((g) => g.lag === 0n);
      if (caughtUp) {
        caughtUpSince ??= Date.now();
        if (Date.now() - caughtUpSince >= STABLE_MS) return;
      } else caughtUpSince = null;
      if (Date.now() - started > REBUILD_TIMEOUT_MS) {
        throw new Error(
          `the rebuild did not catch up within ${REBUILD_TIMEOUT_MS / 60_000} min: ${lags.map((g) => `${g.groupId} lag ${g.lag}`).join(', ')}`,
        );
      }
      if (Date.now() - reported >= PROGRESS_EVERY_MS) {
        reported = Date.now();
        ctx.progress(`metrics rebuild: ${lags.map((g) => `${g.groupId} lag ${g.lag}`).join(', ') || 'joining'}, outbox unsent ${unsent}`);
      }
      await sleep(POLL_MS);
    }
  });
}

async function compareAll(liveUrl: string, rebuiltUrl: string): Promise<TableDifference[]> {
  return withDatabase(liveUrl, (live) =>
    withDatabase(rebuiltUrl, async (rebuilt) => {
      const differences: TableDifference[] = [];
      for (const model of READ_MODELS) {
        differences.push(compareRows(model, await readModelRows(live, model), await readModelRows(rebuilt, model)));
      }
      return differences;
    }),
  );
}

/**
 * One more metrics process, on a database of its own (the live one's name +
 * `_rebuild`) and a new consumer group, reads every topic from the beginning;
 * once it has caught up, its read models (READ_MODELS: the facts tables,
 * identity_governance, governance_counts' totals, state_history,
 * audit_records, dead_letters) are compared with the live metrics database,
 * row by row. It is stopped (SIGTERM) and its database and group removed
 * afterwards. lost = rows (or counts) the topics give that the live database
 * lacks or holds otherwise; doubled = what the live database holds beyond them.
 */
async function run(ctx: CheckContext): Promise<CheckResult> {
  const liveUrl = ctx.databaseUrl('metrics');
  const name = `${databaseNameOf(liveUrl)}_rebuild`;
  const url = databaseUrlFor(liveUrl, name);
  const groupId = `${liveMetricsGroups(ctx)[0] ?? 'nhi-metrics'}-rebuild-${randomBytes(3).toString('hex')}`;
  await dropDatabase(liveUrl, name);
  const started = Date.now();
  const service = spawnService({
    root: ctx.root,
    name: 'metrics',
    port: ctx.rebuildPort,
    logDir: path.join(ctx.logDir, 'metrics-rebuild'),
    env: { ...ctx.metricsEnv, DATABASE_URL: url, KAFKA_GROUP_ID: groupId, KAFKA_CLIENT_ID: 'nhi-metrics-rebuild' },
  });
  try {
    await waitHealthy(service, START_TIMEOUT_MS);
    ctx.progress(`metrics rebuild: started on ${name} as group ${groupId}, log ${service.logFile}`);
    let differences: TableDifference[] = [];
    for (let attempt = 1; attempt <= COMPARISONS; attempt += 1) {
      await waitRebuilt(ctx, service, groupId, url);
      differences = await compareAll(liveUrl, url);
      if (differences.every((d) => d.lost === 0 && d.doubled === 0)) break;
    }
    const differing = differences.filter((d) => d.lost > 0 || d.doubled > 0);
    const same = differences.filter((d) => d.lost === 0 && d.doubled === 0);
    const evidence = [
      `rebuilt into ${name} as group ${groupId} in ${Math.round((Date.now() - started) / 1000)} s`,
      `equal: ${same.map((d) => `${d.table} ${d.live}`).join(', ') || 'none'}`,
      ...differing.map(
        (d) =>
          `${d.table}: live ${d.live}, rebuilt ${d.rebuilt}; lost ${d.lost}${d.differing ? ` (${d.differing} rows differ)` : ''}, ` +
          `doubled ${d.doubled}: ${d.examples.join('; ')}`,
      ),
    ];
    return checkResult(METRICS_REBUILD, {
      lost: differences.reduce((sum, d) => sum + d.lost, 0),
      doubled: differences.reduce((sum, d) => sum + d.doubled, 0),
      evidence,
    });
  } finally {
    await service.stop();
    await withAdmin(ctx.brokers, (admin) => admin.deleteGroups([groupId])).catch(() => undefined);
    await dropDatabase(liveUrl, name).catch((error: unknown) => ctx.progress(`metrics rebuild: could not drop ${name}: ${String(error)}`));
  }
}

export const metricsRebuild: Check = { name: METRICS_REBUILD, run };
