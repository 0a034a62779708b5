import { randomBytes } from 'node:crypto';
import { createReadStream, createWriteStream, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { request } from 'node:http';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { pipeline } from 'node:stream/promises';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { ACTOR_HEADER, signActorHeader } from '@nhi/auth';
import { generateEstate } from '@nhi/estate-generator';
import { consoleProgress, ensureKafka, ensurePostgres, spawnService, waitHealthy } from '@nhi/launcher';
import { dropDatabase, ensureDatabase, postgresConnection } from '@nhi/persistence';
import { KafkaTestClient } from '@nhi/testing';
import { DATA_DIR, WORKSPACE_ROOT } from '../dev-paths';
import { naiveIngest } from './naive-ingest';
import { cpuMs, rssMb, runBench } from './bench-support';
import { execFileSync } from 'node:child_process';
import { activityTables, DatabaseActivity, type ActivityReport } from './database-activity';

/**
 * npm run bench:ingest -- --size 1000000 [--seed 42] [--graphql-size N] [--naive-size 5000] [--only-bulk] [--profile] [--keep-database] [--stages]
 *
 * Measures, in one run on this machine, identities per second for: raw COPY of
 * the rows (the physical limit), the bulk NDJSON path (first load, then the
 * unchanged snapshot again), GraphQL batches, and a naive per-row TypeORM save;
 * then the ratios between them and the inventory process's peak memory.
 * --only-bulk measures raw COPY and the bulk path only; --profile writes a V8
 * CPU profile of the inventory process to .data/bench/profiles; --keep-database
 * leaves the bench database for a look at its plans; --stages adds the Node
 * side of a first load stage by stage, and the identity rows sent to
 * PostgreSQL as one JSON parameter per chunk against COPY into a staging table.
 */
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '100000' },
    seed: { type: 'string', default: '42' },
    'graphql-size': { type: 'string' },
    'naive-size': { type: 'string', default: '5000' },
    port: { type: 'string', default: '4901' },
    'only-bulk': { type: 'boolean', default: false },
    profile: { type: 'boolean', default: false },
    'keep-database': { type: 'boolean', default: false },
    stages: { type: 'boolean', default: false },
  },
});
const size = Number(values.size);
const seed = Number(values.seed);
const graphqlSize = Number(values['graphql-size'] ?? Math.min(size, 100_000));
const naiveSize = Number(values['naive-size']);
const port = Number(values.port);
const serverUrl = process.env['DATABASE_SERVER_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const runId = randomBytes(3).toString('hex');
const databaseName = `nhi_bench_${runId}`;
const databaseUrl = (() => {
  const url = new URL(serverUrl);
  url.pathname = `/${databaseName}`;
  return url.toString();
})();
const signingKey = randomBytes(32).toString('base64url');
const benchDir = path.join(DATA_DIR, 'bench');
const log = (message: string) => consoleProgress(`[bench] ${message}`);

/** One way of sending identity rows to PostgreSQL, as apps/inventory/src/bench/ingest-transport.ts measured it. */
interface TransportResult {
  how: string;
  rows: number;
  wallMs: number;
  nodeCpuMs: number;
  backendCpuMs: number;
}

interface Measurement {
  path: string;
  rows: number;
  seconds: number;
}

const rate = (m: Measurement) => m.rows / m.seconds;

async function timed<T>(work: () => Promise<T>): Promise<{ result: T; seconds: number }> {
  const began = process.hrtime.bigint();
  const result = await work();
  return { result, seconds: Number(process.hrtime.bigint() - began) / 1e9 };
}

/** The rows, generated once per size and seed: every path reads the same file. */
async function estateFile(): Promise<{ file: string; rows: number }> {
  mkdirSync(benchDir, { recursive: true });
  const file = path.join(benchDir, `estate-${size}-${seed}.ndjson`);
  if (!existsSync(file)) {
    log(`generating ${size} identities (seed ${seed}) into ${path.relative(WORKSPACE_ROOT, file)}`);
    const rows = (function* () {
      for (const { row } of generateEstate({ size, seed, overlapShare: 0, leakShare: 0, badRowShare: 0.01 }))
        yield `${JSON.stringify(row)}\n`;
    })();
    await pipeline(rows, createWriteStream(file));
  }
  const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean).length;
  return { file, rows };
}

async function* lines(file: string, limit = Infinity): AsyncGenerator<string> {
  let count = 0;
  for await (const line of createInterface({ input: createReadStream(file), crlfDelay: Infinity })) {
    if (!line) continue;
    if (count++ >= limit) return;
    yield line;
  }
}

async function sql<T extends Record<string, unknown>>(text: string): Promise<T[]> {
  const client = new Client(postgresConnection(databaseUrl));
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

/**
 * Waits until the relay has put every event of the load on Kafka; returns how many events there are.
 * The poll asks only whether an unsent row is left, through the relay's own partial index: counting a
 * table of millions every 250 ms would compete with the relay it measures.
 */
async function outboxDrained(): Promise<number> {
  for (;;) {
    const [row] = await sql<{ pending: boolean }>('SELECT EXISTS (SELECT 1 FROM outbox_events WHERE sent_at IS NULL) AS pending');
    if (row?.pending === false) break;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  const [total] = await sql<{ total: number }>('SELECT count(*)::int AS total FROM outbox_events');
  return total?.total ?? 0;
}

/** Physical limit: the same rows, parsed and COPYed into an empty table with one column per field. */
async function rawCopy(file: string): Promise<number> {
  const client = new Client(postgresConnection(databaseUrl));
  await client.connect();
  try {
    await client.query(`CREATE TABLE bench_copy (provider text, external_id text, kind text, name text, environment text, system text,
      business_unit text, scopes text, created_at text, expires_at text, last_used_at text, fingerprint text, tags text)`);
    const escape = (value: unknown) =>
      value === undefined || value === null
        ? '\\N'
        : String(typeof value === 'object' ? JSON.stringify(value) : value).replace(
            /[\\\t\n\r]/g,
            (c) => `\\${c === '\t' ? 't' : c === '\n' ? 'n' : c === '\r' ? 'r' : '\\'}`,
          );
    let rows = 0;
    const text = (async function* () {
      for await (const line of lines(file)) {
        const r = JSON.parse(line) as Record<string, unknown>;
        rows += 1;
        yield `${[r['provider'], r['externalId'], r['kind'], r['name'], r['environment'], r['system'], r['businessUnit'], r['scopes'], r['createdAt'], r['expiresAt'], r['lastUsedAt'], r['credentialFingerprint'], r['tags']].map(escape).join('\t')}\n`;
      }
    })();
    await pipeline(text, client.query(copyFrom('COPY bench_copy FROM STDIN')));
    return rows;
  } finally {
    await client.end();
  }
}

function upload(file: string, source: string): Promise<Record<string, number>> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/ingest/${source}`,
        headers: { 'content-type': 'application/x-ndjson', [ACTOR_HEADER]: actorHeader() },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (body += chunk));
        res.on('end', () =>
          res.statusCode === 200
            ? resolve(JSON.parse(body) as Record<string, number>)
            : reject(new Error(`HTTP ${res.statusCode}: ${body}`)),
        );
      },
    );
    req.on('error', reject);
    createReadStream(file).pipe(req);
  });
}

function actorHeader(): string {
  return signActorHeader({ sub: 'bench', roles: ['integrator', 'security-admin'], ownerRefs: [] }, signingKey, 3600);
}

async function graphqlBatches(file: string, limit: number, batchSize = 5000): Promise<number> {
  let created = 0;
  let batch: unknown[] = [];
  const send = async () => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [ACTOR_HEADER]: actorHeader() },
      body: JSON.stringify({
        query: 'mutation($input: IngestIdentitiesInput!) { ingestIdentities(input: $input) { created rejectedCount } }',
        variables: { input: { source: 'bench-graphql', identities: batch } },
      }),
    });
    const body = (await response.json()) as { data?: { ingestIdentities: { created: number } }; errors?: unknown };
    if (!body.data) throw new Error(`GraphQL batch failed (HTTP ${response.status}): ${JSON.stringify(body.errors ?? body)}`);
    created += body.data.ingestIdentities.created;
    batch = [];
  };
  for await (const line of lines(file, limit)) {
    batch.push(JSON.parse(line));
    if (batch.length >= batchSize) await send();
  }
  if (batch.length) await send();
  return created;
}

const TRUNCATE = 'TRUNCATE identities, identity_sightings, identity_findings, leaked_fingerprints, outbox_events, inbox_events CASCADE';

async function main(): Promise<void> {
  await ensureKafka(WORKSPACE_ROOT, '127.0.0.1:9092', consoleProgress);
  await ensurePostgres(WORKSPACE_ROOT, serverUrl, consoleProgress);
  const { file, rows } = await estateFile();
  await ensureDatabase(databaseUrl);
  const inventory = spawnService({
    root: WORKSPACE_ROOT,
    name: 'inventory',
    port,
    logDir: path.join(benchDir, `logs-${runId}`),
    env: {
      DATABASE_URL: databaseUrl,
      KAFKA_TOPIC_PREFIX: `bench.${runId}.`,
      KAFKA_GROUP_ID: `bench-${runId}`,
      ACTOR_SIGNING_KEY: signingKey,
      LOG_LEVEL: 'info',
      KAFKAJS_NO_PARTITIONER_WARNING: '1',
    },
    nodeArgs: values.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(benchDir, 'profiles')}`] : [],
  });
  const results: Measurement[] = [];
  let firstLoad: ActivityReport | undefined;
  let reingestEvents: Array<{ type: string; events: number }> | undefined;
  let drain: ActivityReport | undefined;
  let stages: Array<[string, number]> = [];
  let transports: TransportResult[] = [];
  const memory: Array<[string, number]> = [];
  try {
    await waitHealthy(inventory, 120_000);
    memory.push(['after start', rssMb(inventory.process.pid)]);

    log(`raw COPY of ${rows} rows`);
    const copy = await timed(() => rawCopy(file));
    results.push({ path: 'raw COPY into an empty table (physical limit)', rows: copy.result, seconds: copy.seconds });

    log(`bulk NDJSON upload of ${rows} rows (first load)`);
    const cpuBefore = cpuMs(inventory.process.pid);
    const watcher = new Client(postgresConnection(serverUrl));
    await watcher.connect();
    // Where the first load's time goes: the stage that holds its rate back.
    const activity = DatabaseActivity.start(watcher, databaseName, inventory.process.pid);
    const first = await timed(() => upload(file, 'bench-bulk'));
    firstLoad = await activity.stop();
    log(`  inventory used ${((cpuMs(inventory.process.pid) - cpuBefore) / 1000).toFixed(1)} CPU s in ${first.seconds.toFixed(1)} s`);
    results.push({ path: 'bulk NDJSON, first load', rows: first.result['received'] ?? 0, seconds: first.seconds });
    memory.push(['after bulk first load', rssMb(inventory.process.pid)]);
    log(`  ${JSON.stringify({ created: first.result['created'], rejected: first.result['rejectedCount'] })}`);
    // Where the relay's time goes once the upload is done: publishing is what is left.
    const relayActivity = DatabaseActivity.start(watcher, databaseName, inventory.process.pid);
    const drained = await timed(outboxDrained);
    drain = await relayActivity.stop();
    await watcher.end();
    log(`  all ${drained.result} of its events were on Kafka ${drained.seconds.toFixed(1)} s after the upload returned`);
    results.push({
      path: 'bulk NDJSON, first load until every event is on Kafka',
      rows: first.result['received'] ?? 0,
      seconds: first.seconds + drained.seconds,
    });

    log('bulk NDJSON upload of the same rows again (unchanged)');
    const [{ seq: seqBefore } = { seq: '0' }] = await sql<{ seq: string }>('SELECT COALESCE(max(seq), 0)::text AS seq FROM outbox_events');
    const again = await timed(() => upload(file, 'bench-bulk'));
    reingestEvents = await sql<{ type: string; events: number }>(
      `SELECT payload->>'type' AS type, count(*)::int AS events FROM outbox_events WHERE seq > ${Number(seqBefore)} GROUP BY 1 ORDER BY 1`,
    );
    results.push({ path: 'bulk NDJSON, unchanged re-ingest', rows: again.result['received'] ?? 0, seconds: again.seconds });
    memory.push(['after unchanged re-ingest', rssMb(inventory.process.pid)]);
    log(
      `  ${JSON.stringify({ unchanged: again.result['unchanged'], updated: again.result['updated'], created: again.result['created'] })}`,
    );

    if (!values['only-bulk']) {
      await sql(TRUNCATE);
      log(`GraphQL ingestIdentities in batches of 5000, ${Math.min(graphqlSize, rows)} rows`);
      const graphql = await timed(() => graphqlBatches(file, graphqlSize));
      results.push({ path: 'GraphQL ingestIdentities, 5000 rows per call', rows: Math.min(graphqlSize, rows), seconds: graphql.seconds });
      memory.push(['after GraphQL batches', rssMb(inventory.process.pid)]);

      log(`naive per-row TypeORM findOne + save, sample of ${naiveSize} rows`);
      const naive = await timed(() => naiveIngest(databaseUrl, lines(file, naiveSize)));
      results.push({ path: `naive TypeORM findOne + save per row (sample of ${naiveSize})`, rows: naive.result, seconds: naive.seconds });
    }
    if (values.stages) {
      log('the Node stages of a first load on one thread, then identity rows as a JSON parameter against COPY');
      // Inventory's own sources measure themselves, in a process of their own (tools do not import apps).
      const output = execFileSync(
        process.execPath,
        ['-r', '@swc-node/register', path.join(WORKSPACE_ROOT, 'apps/inventory/src/bench/ingest-stages.bench-run.ts'), file, databaseUrl],
        { cwd: WORKSPACE_ROOT, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024, stdio: ['ignore', 'pipe', 'inherit'] },
      );
      ({ stages, transports } = JSON.parse(output.trim().split('\n').at(-1) ?? '{}') as {
        stages: typeof stages;
        transports: TransportResult[];
      });
    }
  } finally {
    await inventory.stop();
    if (values['keep-database']) log(`kept the database: ${databaseUrl}`);
    else await dropDatabase(databaseUrl).catch(() => undefined);
    // Left behind, every run's topics would make the broker slower for the next.
    const kafka = await KafkaTestClient.connect(['127.0.0.1:9092']);
    await kafka.deleteTopicsWithPrefix(`bench.${runId}.`);
    await kafka.disconnect();
  }

  const byPath = (prefix: string) => results.find((r) => r.path.startsWith(prefix));
  const [copy, bulk, again, naive] = [byPath('raw COPY'), byPath('bulk NDJSON, first'), byPath('bulk NDJSON, unchanged'), byPath('naive')];
  console.log(`\nIngest benchmark: ${size} identities, ${rows} rows (seed ${seed}), ${new Date().toISOString()}, ${process.version}\n`);
  console.log('| path | rows | seconds | rows/s |');
  console.log('|---|---:|---:|---:|');
  for (const r of results) console.log(`| ${r.path} | ${r.rows} | ${r.seconds.toFixed(1)} | ${Math.round(rate(r))} |`);
  if (copy && bulk && again && naive) {
    console.log(`\n- bulk first load / raw COPY: ${((100 * rate(bulk)) / rate(copy)).toFixed(1)}% (target >= 50%)`);
    console.log(`- bulk first load / naive TypeORM: ${(rate(bulk) / rate(naive)).toFixed(1)}x (target >= 20x)`);
    console.log(`- unchanged re-ingest / first load: ${(rate(again) / rate(bulk)).toFixed(2)}x (target >= 1x)`);
  }
  const everyEvent = byPath('bulk NDJSON, first load until');
  if (copy && everyEvent) {
    console.log(
      `- every event of the first load on Kafka after ${everyEvent.seconds.toFixed(1)} s: ${(everyEvent.seconds / copy.seconds).toFixed(1)}x the raw COPY time (target <= 2x)`,
    );
  }
  if (reingestEvents) {
    // The upload's own audit record is not a change of the inventory: every mutation has one.
    const changes = reingestEvents.filter(({ type }) => type !== 'nhi.audit.recorded');
    const total = changes.reduce((sum, { events }) => sum + events, 0);
    const audit = reingestEvents.find(({ type }) => type === 'nhi.audit.recorded')?.events ?? 0;
    const byType = changes.map(({ type, events }) => `${events} ${type}`).join(', ');
    console.log(
      `- identity and finding events from the unchanged re-ingest: ${total} (target 0)${total > 0 ? `: ${byType}` : ''}; audit records of the upload: ${audit}`,
    );
  }
  console.log(`- inventory peak RSS (VmHWM): ${memory.map(([when, mb]) => `${mb} MB ${when}`).join(', ')}`);
  if (firstLoad) console.log(`\nWhere the first load's time went:\n\n${activityTables(firstLoad, 'inventory', 14)}`);
  if (drain)
    console.log(`\nWhere the time went from the upload's end until every event was on Kafka:\n\n${activityTables(drain, 'inventory', 8)}`);
  if (stages.length > 0) {
    console.log('\nThe Node side of a first load, one thread, no database (warm):\n');
    console.log('| stage | µs per row |');
    console.log('|---|---:|');
    for (const [stage, us] of stages) console.log(`| ${stage} | ${us.toFixed(1)} |`);
    console.log(`| total | ${stages.reduce((sum, [, us]) => sum + us, 0).toFixed(1)} |`);
  }
  if (transports.length > 0) {
    console.log('\nIdentity rows into PostgreSQL, chunks of 1,000, one transaction each, every index of identities:\n');
    console.log('| how | rows | wall s | bench CPU µs/row | backend CPU µs/row |');
    console.log('|---|---:|---:|---:|---:|');
    for (const t of transports)
      console.log(
        `| ${t.how} | ${t.rows} | ${(t.wallMs / 1000).toFixed(1)} | ${((1000 * t.nodeCpuMs) / t.rows).toFixed(1)} | ${((1000 * t.backendCpuMs) / t.rows).toFixed(1)} |`,
      );
  }
}

runBench(main);
