import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { generateDevKeys, mintDevToken } from '@nhi/auth';
import { kafkaSecurityFromEnv } from '@nhi/config';
import { consoleProgress, ensureKafka, ensurePostgres, graphql, spawnService, waitHealthy } from '@nhi/launcher';
import { kafkaClient } from '@nhi/messaging';
import { ensureDatabase, postgresConnection } from '@nhi/persistence';
import { KafkaTestClient } from '@nhi/testing';
import { DATA_DIR, WORKSPACE_ROOT } from '../dev-paths';
import { estateEvents } from './metrics-estate-events';
import { databaseUrlOn, percentile, runBench, waitUntil } from './bench-support';
import { activityTables, DatabaseActivity } from './database-activity';

/**
 * npm run bench:metrics -- [--size 1000000] [--queries 200] [--keep] [--concurrent]
 *
 * Loads the events of a `size`-identity estate onto the topics metrics reads
 * (about 2.8 events per identity) and measures how fast metrics applies them,
 * then the latency of governanceSummary and adoption through the gateway,
 * against `{ __typename }` through the same gateway as the baseline. Metrics
 * and the gateway run alone, on their own ports, database and topic prefix.
 *
 * By default metrics is stopped while the events are produced and started
 * on the backlog: the rate is metrics' own, from its start to the last event
 * applied. On two cores, a producer running alongside takes the CPU metrics
 * would use, and the rate measured then is as much the producer's as
 * metrics'. `--concurrent` measures that way instead, from the first event
 * produced to the last applied (the method of the figures before 2026-12-03).
 */
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '1000000' },
    queries: { type: 'string', default: '200' },
    keep: { type: 'boolean', default: false },
    concurrent: { type: 'boolean', default: false },
    port: { type: 'string', default: '4940' },
  },
});
const size = Number(values.size);
const queries = Number(values.queries);
const port = Number(values.port);
const runId = randomBytes(3).toString('hex');
const serverUrl = process.env['DATABASE_SERVER_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const database = `nhi_mbench_${runId}`;
const topicPrefix = `bench.metrics.${runId}.`;
const benchDir = path.join(DATA_DIR, 'bench', `metrics-${runId}`);
const brokers = ['127.0.0.1:9092'];
const log = (message: string) => consoleProgress(`[bench] ${message}`);

function databaseUrl(name: string): string {
  return databaseUrlOn(serverUrl, name);
}

async function main(): Promise<void> {
  await ensureKafka(WORKSPACE_ROOT, brokers[0], consoleProgress);
  await ensurePostgres(WORKSPACE_ROOT, serverUrl, consoleProgress);
  await ensureDatabase(databaseUrl(database));
  const keys = generateDevKeys();
  const keysDir = path.join(benchDir, 'keys');
  mkdirSync(keysDir, { recursive: true });
  writeFileSync(path.join(keysDir, 'jwt-dev-public.pem'), keys.publicKeyPem);
  writeFileSync(path.join(keysDir, 'jwt-dev-private.pem'), keys.privateKeyPem);
  const signingKey = randomBytes(32).toString('base64url');
  const logDir = path.join(benchDir, 'logs');
  const common = { ACTOR_SIGNING_KEY: signingKey, LOG_LEVEL: 'warn', KAFKAJS_NO_PARTITIONER_WARNING: '1', DEV_KEYS_DIR: keysDir };
  const startMetrics = () =>
    spawnService({
      root: WORKSPACE_ROOT,
      name: 'metrics',
      port: port + 5,
      logDir,
      env: {
        ...common,
        DATABASE_URL: databaseUrl(database),
        KAFKA_TOPIC_PREFIX: topicPrefix,
        KAFKA_GROUP_ID: `mbench-${runId}`,
        // Snapshots are their own work (a day's recomputation scans the history); the bench measures applying events.
        SNAPSHOT_INTERVAL_MS: '0',
      },
    });
  let metrics = startMetrics();
  const gateway = spawnService({
    root: WORKSPACE_ROOT,
    name: 'gateway',
    port,
    logDir,
    env: { ...common, METRICS_URL: `${metrics.baseUrl}/graphql` },
  });
  const db = new Client(postgresConnection(databaseUrl(database)));
  try {
    await waitHealthy(metrics, 120_000);
    const token = await mintDevToken(keys.privateKeyPem, {
      sub: 'bench',
      roles: ['security-admin'],
      issuer: 'nhi-dev',
      audience: 'nhi-platform',
    });
    const gql = <T>(query: string) => graphql<T>(`${gateway.baseUrl}/graphql`, token, query);
    await waitUntil(async () => Boolean(await gql('{ __typename }').catch(() => false)), 60_000);
    await db.connect();
    if (!values.concurrent) {
      // Metrics has made its topics and its database; it starts again on the whole backlog.
      await metrics.stop();
      log('metrics stopped while the events are produced (--concurrent to keep it running)');
    }

    log(`producing the events of ${size} identities`);
    const kafka = kafkaClient({ clientId: 'metrics-bench', brokers, security: kafkaSecurityFromEnv() });
    const producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    const now = new Date();
    const started = Date.now();
    let produced = 0;
    let batch: Array<{ topic: string; key: string; value: string }> = [];
    const flush = async () => {
      const byTopic = new Map<string, Array<{ key: string; value: string }>>();
      for (const m of batch) {
        const messages = byTopic.get(m.topic) ?? [];
        messages.push({ key: m.key, value: m.value });
        byTopic.set(m.topic, messages);
      }
      await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
      produced += batch.length;
      batch = [];
    };
    for (let i = 0; i < size; i += 1) {
      batch.push(...estateEvents(i, now, topicPrefix));
      if (batch.length >= 5_000) await flush();
      if (i > 0 && i % 100_000 === 0) log(`${i} identities produced (${produced} events)`);
    }
    await flush();
    await producer.disconnect();
    const producedMs = Date.now() - started;
    log(`${produced} events produced in ${(producedMs / 1000).toFixed(1)} s; waiting for metrics to apply them`);
    const applyStarted = values.concurrent ? started : Date.now();
    if (!values.concurrent) metrics = startMetrics();
    // Where the apply's time goes: the stage that holds the rate back.
    const activity = DatabaseActivity.start(db, database, metrics.process.pid);
    if (!values.concurrent) await waitHealthy(metrics, 120_000);
    // The group's lag, not a count of the inbox: a count scans a table of millions every second, in the database under test.
    const admin = kafka.admin();
    await admin.connect();
    const topics = [...new Set(estateEvents(0, now, topicPrefix).map((m) => m.topic))];
    const lag = async () => {
      let behind = 0;
      for (const topic of topics) {
        const ends = await admin.fetchTopicOffsets(topic);
        const [committed] = await admin.fetchOffsets({ groupId: `mbench-${runId}`, topics: [topic] });
        for (const end of ends) {
          const done = committed?.partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
          behind += Number(end.high) - Math.max(0, Number(done));
        }
      }
      return behind;
    };
    let reported = Date.now();
    for (let behind = await lag(); behind > 0; behind = await lag()) {
      await new Promise((resolve) => setTimeout(resolve, 500));
      if (Date.now() - reported > 30_000) {
        log(`${produced - behind} of ${produced} events applied`);
        reported = Date.now();
      }
    }
    const applying = await activity.stop();
    await admin.disconnect();
    const applied = Number((await db.query('SELECT count(*) AS n FROM inbox_events')).rows[0].n);
    const appliedMs = Date.now() - applyStarted;
    if (applied !== produced) throw new Error(`metrics applied ${applied} events of ${produced}: the rest were skipped or dead-lettered`);

    const timed = async (query: string) => {
      const latencies: number[] = [];
      for (let i = 0; i < queries; i += 1) {
        const began = process.hrtime.bigint();
        await gql(query);
        latencies.push(Number(process.hrtime.bigint() - began) / 1e6);
      }
      const sorted = latencies.sort((a, b) => a - b);
      return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
    };
    // Twice: right after the load, when most pages of the totals' tables are not yet marked all-visible and a
    // percentile's lookup reads the heap; and after the VACUUM that autovacuum would run within minutes.
    const phases: Array<{ name: string; timings: Array<[string, { p50: number; p99: number }]> }> = [];
    for (const phase of ['right after the load', 'after VACUUM (ANALYZE)']) {
      if (phases.length > 0) await db.query('VACUUM (ANALYZE)');
      const baseline = await timed('{ __typename }');
      const summary = await timed(
        '{ governanceSummary { totalIdentities ownershipCoverage rotationCompliance credentialAgeDaysP50 openExceptions findingsByCategory { category count } asOf } }',
      );
      const adoption = await timed('{ adoption { businessUnit identities ownershipCoverage managedRotationShare readiness } }');
      // The baseline never leaves the gateway; this one goes to metrics and back for one tiny statement.
      const hop = await timed('{ parkedEvents(first: 1) { total } }');
      phases.push({
        name: phase,
        timings: [
          ['{ __typename } (baseline)', baseline],
          ['governanceSummary', summary],
          ['adoption', adoption],
          ['parkedEvents total (the hop to metrics and one small statement, for reference)', hop],
        ],
      });
    }

    console.log(`\nMetrics on loopback, ${new Date().toISOString()}, ${process.version}: ${size} identities, ${produced} events\n`);
    console.log(`| measure | figure |\n|---|---:|`);
    console.log(`| events produced per second | ${Math.round((produced * 1000) / producedMs)} |`);
    console.log(
      `| events applied per second (${values.concurrent ? 'from the first produced to the last applied' : "a backlog, from metrics' start to the last applied"}) | ${Math.round((applied * 1000) / appliedMs)} |`,
    );
    console.log(`\n${activityTables(applying, 'metrics')}`);
    for (const { name, timings } of phases) {
      const baseline = timings[0][1];
      console.log(
        `\n| query through the gateway, ${name} (${queries} each, one at a time) | p50 ms | p99 ms | p99 / baseline p99 |\n|---|---:|---:|---:|`,
      );
      for (const [query, timing] of timings) {
        console.log(`| ${query} | ${timing.p50.toFixed(1)} | ${timing.p99.toFixed(1)} | ${(timing.p99 / baseline.p99).toFixed(1)}x |`);
      }
    }
    console.log(
      `\n- goal: at least 10,000 events/s applied; governanceSummary and adoption p99 under 100 ms and within 3x of the baseline's`,
    );
  } finally {
    await db.end().catch(() => undefined);
    await Promise.all([gateway.stop(), metrics.stop()]);
    const admin = new Client(postgresConnection(serverUrl));
    await admin.connect();
    if (values.keep) log(`kept the database ${database} (--keep)`);
    else await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
    await admin.end();
    const topics = await KafkaTestClient.connect(brokers);
    await topics.deleteTopicsWithPrefix(topicPrefix);
    await topics.disconnect();
  }
}

runBench(main);
