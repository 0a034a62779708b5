import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { generateDevKeys, mintDevToken } from '@nhi/auth';
import {
  consoleProgress,
  ensureKafka,
  ensurePostgres,
  graphql,
  registerReferenceIntegrator,
  SUBGRAPH_NAMES,
  startPlatform,
} from '@nhi/launcher';
import { postgresConnection } from '@nhi/persistence';
import { KafkaTestClient } from '@nhi/testing';
import { DATA_DIR, WORKSPACE_ROOT } from '../dev-paths';
import { rotationTimelines, stageDurations } from './rotation-stages';
import { databaseUrlOn, percentile, runBench, waitUntil } from './bench-support';

/**
 * npm run bench:rotation -- [--count 1000] [--baseline 20] [--profile]
 * npm run bench:rotation -- --mass 10000
 *
 * The full round trip of a rotation on loopback: requestRotation through the
 * gateway -> nhi.rotation.requests.v1 -> the reference integrator (no added
 * latency) -> nhi.rotation.results.v1 -> lifecycle applies it -> the gateway
 * shows it applied (lastRotatedAt). First one rotation at a time (the baseline), then
 * `count` started at once; prints p50, p99 and throughput of each, and where
 * the time of the burst went. --profile writes V8 CPU profiles of every
 * service to .data/bench/rotation-<run>/profiles.
 *
 * --mass N instead selects N identities in one requestRotations mutation and
 * follows massAction(id).progress through the gateway every 250 ms, printing
 * when each stage (requested, published, answered, completed) reached all N.
 */
const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '1000' },
    baseline: { type: 'string', default: '20' },
    port: { type: 'string', default: '4920' },
    profile: { type: 'boolean', default: false },
    mass: { type: 'string' },
  },
});
const count = Number(values.count);
const baselineCount = Number(values.baseline);
const runId = randomBytes(3).toString('hex');
const serverUrl = process.env['DATABASE_SERVER_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const databasePrefix = `nhi_rbench_${runId}_`;
const benchDir = path.join(DATA_DIR, 'bench', `rotation-${runId}`);
const topicPrefix = `bench.rotation.${runId}.`;
const log = (message: string) => consoleProgress(`[bench] ${message}`);

interface Timing {
  p50: number;
  p99: number;
  max: number;
  perSecond: number;
}

function summarise(latencies: number[], wallMs: number): Timing {
  const sorted = [...latencies].sort((a, b) => a - b);
  return {
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    max: sorted.at(-1) ?? NaN,
    perSecond: (latencies.length * 1000) / wallMs,
  };
}

async function main(): Promise<void> {
  await ensureKafka(WORKSPACE_ROOT, '127.0.0.1:9092', consoleProgress);
  await ensurePostgres(WORKSPACE_ROOT, serverUrl, consoleProgress);
  const keys = generateDevKeys();
  const keysDir = path.join(benchDir, 'keys');
  mkdirSync(keysDir, { recursive: true });
  writeFileSync(path.join(keysDir, 'jwt-dev-public.pem'), keys.publicKeyPem);
  writeFileSync(path.join(keysDir, 'jwt-dev-private.pem'), keys.privateKeyPem);
  const platform = await startPlatform({
    root: WORKSPACE_ROOT,
    basePort: Number(values.port),
    databaseServerUrl: serverUrl,
    databasePrefix,
    kafkaBrokers: '127.0.0.1:9092',
    topicPrefix,
    groupSuffix: `-rbench-${runId}`,
    actorSigningKey: randomBytes(32).toString('base64url'),
    devKeysDir: keysDir,
    logDir: path.join(benchDir, 'logs'),
    logLevel: 'warn',
    progress: consoleProgress,
    extraEnv: {
      OUTBOX_POLL_INTERVAL_MS: '50',
      LIFECYCLE_TICK_MS: '1000',
    },
    nodeArgs: values.profile ? ['--cpu-prof', `--cpu-prof-dir=${path.join(benchDir, 'profiles')}`] : [],
    integratorEnv: { INTEGRATOR_LATENCY_MS: '0', INTEGRATOR_FAILURE_RATE: '0' },
  });
  const token = await mintDevToken(keys.privateKeyPem, {
    sub: 'bench',
    roles: ['security-admin'],
    issuer: 'nhi-dev',
    audience: 'nhi-platform',
  });
  const gql = <T>(query: string, variables?: Record<string, unknown>) => graphql<T>(platform.gatewayUrl, token, query, variables);
  try {
    // As npm start does: lifecycle applies only results from registered integrators.
    await registerReferenceIntegrator(platform.gatewayUrl, token);
    if (values.mass) {
      await massRotation(gql, Number(values.mass));
      return;
    }
    const total = baselineCount + count;
    log(`ingesting ${total} demo secrets through the gateway`);
    const identities = Array.from({ length: total }, (_, i) => ({
      provider: 'demo',
      externalId: `secret/bench-${i}`,
      kind: 'secret',
      name: `bench ${i}`,
    }));
    await gql('mutation($input: IngestIdentitiesInput!) { ingestIdentities(input: $input) { created } }', {
      input: { source: 'demo-secret-manager', identities },
    });
    const ids: string[] = [];
    let after: string | null = null;
    do {
      const page: { identities: { edges: Array<{ node: { id: string } }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } } } =
        await gql(
          'query($after: String) { identities(first: 500, after: $after, filter: { provider: ["demo"] }) { edges { node { id } } pageInfo { hasNextPage endCursor } } }',
          { after },
        );
      ids.push(...page.identities.edges.map((e) => e.node.id));
      after = page.identities.pageInfo.hasNextPage ? page.identities.pageInfo.endCursor : null;
    } while (after);
    log(`waiting for lifecycle to know all ${ids.length}`);
    await waitUntil(async () => (await statuses(gql, ids)).every((s) => s !== undefined), 120_000);

    const [baselineIds, concurrentIds] = [ids.slice(0, baselineCount), ids.slice(baselineCount)];
    log(`baseline: ${baselineIds.length} rotations, one at a time`);
    const baselineLatencies: number[] = [];
    const baselineStart = Date.now();
    for (const id of baselineIds) baselineLatencies.push(...(await roundTrips(gql, [id])).latencies);
    const baseline = summarise(baselineLatencies, Date.now() - baselineStart);

    // The front door's own limit on this machine: as many authenticated requests at once that do no work.
    log(`front door: ${concurrentIds.length} authenticated { __typename } at once`);
    const door = await typenameBurst(gql, concurrentIds.length);

    log(`${concurrentIds.length} rotations started at once`);
    const start = Date.now();
    const trips = await roundTrips(gql, concurrentIds);
    const burst = summarise(trips.latencies, Date.now() - start);
    const server = await serverSide(`${databasePrefix}lifecycle`, concurrentIds);

    console.log(
      `\nRotation round trip on loopback, ${new Date().toISOString()}, ${process.version}: request through the gateway -> integrator -> result applied -> visible through the gateway\n`,
    );
    console.log('| run | rotations | p50 ms | p99 ms | max ms | rotations/s |');
    console.log('|---|---:|---:|---:|---:|---:|');
    console.log(
      `| one at a time (baseline) | ${baselineIds.length} | ${baseline.p50} | ${baseline.p99} | ${baseline.max} | ${baseline.perSecond.toFixed(1)} |`,
    );
    console.log(
      `| ${concurrentIds.length} at once | ${concurrentIds.length} | ${burst.p50} | ${burst.p99} | ${burst.max} | ${burst.perSecond.toFixed(1)} |`,
    );
    console.log(
      `| front door: ${concurrentIds.length} authenticated { __typename } at once | ${concurrentIds.length} | ${door.p50} | ${door.p99} | ${door.max} | ${door.perSecond.toFixed(1)} |`,
    );
    console.log(
      `\n- p99 of ${concurrentIds.length} at once: ${burst.p99} ms (goal: under 1000 ms); ` +
        `${(burst.p99 / baseline.p50).toFixed(1)}x the one-at-a-time p50`,
    );
    console.log(
      `- p99 of ${concurrentIds.length} rotations at once / p99 of ${concurrentIds.length} { __typename } at once: ` +
        `${(burst.p99 / door.p99).toFixed(1)}x (target: 2x or less)`,
    );
    console.log(
      `- inside lifecycle (requested_at to completed_at): p50 ${server.p50} ms, p99 ${server.p99} ms; ` +
        `the last request was recorded ${server.lastRequestedAfterMs} ms after the first`,
    );
    const timelines = await rotationTimelines(
      databaseUrl(`${databasePrefix}lifecycle`),
      ['127.0.0.1:9092'],
      `${topicPrefix}nhi.rotation.results.v1`,
      concurrentIds,
    );
    console.log(
      `\nWhere the time of the ${concurrentIds.length} at once went (${timelines.length} traced), each stage from the one before:\n`,
    );
    console.log('| stage | p50 ms | p99 ms | max ms |');
    console.log('|---|---:|---:|---:|');
    for (const { stage, durations } of stageDurations(timelines, trips.sentAt, trips.seenAt)) {
      const sorted = [...durations].sort((a, b) => a - b);
      console.log(`| ${stage} | ${percentile(sorted, 50)} | ${percentile(sorted, 99)} | ${sorted.at(-1)} |`);
    }
  } finally {
    await platform.stop();
    const client = new Client(postgresConnection(serverUrl));
    await client.connect();
    for (const name of SUBGRAPH_NAMES) await client.query(`DROP DATABASE IF EXISTS "${databasePrefix}${name}" WITH (FORCE)`);
    await client.end();
    // Left behind, every run's topics would make the broker slower for the next.
    const kafka = await KafkaTestClient.connect(['127.0.0.1:9092']);
    await kafka.deleteTopicsWithPrefix(topicPrefix);
    await kafka.disconnect();
  }
}

/** Ingests `size` identities of one system, then rotates them all with one mutation and times each stage through the gateway. */
async function massRotation(gql: Gql, size: number): Promise<void> {
  const system = `mass-bench-${runId}`;
  log(`ingesting ${size} demo secrets of system ${system}`);
  for (let start = 0; start < size; start += 5_000) {
    const identities = Array.from({ length: Math.min(5_000, size - start) }, (_, i) => ({
      provider: 'demo',
      externalId: `secret/mass-${start + i}`,
      kind: 'secret',
      name: `mass ${start + i}`,
      system,
    }));
    await gql('mutation($input: IngestIdentitiesInput!) { ingestIdentities(input: $input) { created } }', {
      input: { source: 'demo-secret-manager', identities },
    });
  }
  log(`waiting for lifecycle to know all ${size}`);
  const query = 'query($s: String!) { planRevocation(selector: { system: $s }) { toRevoke } }';
  await waitUntil(
    async () => (await gql<{ planRevocation: { toRevoke: number } }>(query, { s: system })).planRevocation.toRevoke === size,
    300_000,
  );

  log(`rotating all ${size} with one requestRotations`);
  const started = Date.now();
  const { requestRotations } = await gql<{ requestRotations: { id: string; progress: { requested: number } } }>(
    'mutation($s: String!) { requestRotations(selection: { system: $s }, reason: "benchmark") { id progress { requested } } }',
    { s: system },
  );
  const mutationMs = Date.now() - started;
  if (requestRotations.progress.requested !== size) throw new Error(`requested ${requestRotations.progress.requested} of ${size}`);
  const stages = ['published', 'answered', 'completed'] as const;
  const reached = new Map<string, number>();
  const deadline = Date.now() + 600_000;
  while (!reached.has('completed')) {
    if (Date.now() > deadline) throw new Error('the mass rotation did not complete within 10 minutes');
    const { massAction } = await gql<{ massAction: { progress: Record<(typeof stages)[number], number> } }>(
      'query($id: ID!) { massAction(id: $id) { progress { published answered completed } } }',
      { id: requestRotations.id },
    );
    for (const stage of stages) if (!reached.has(stage) && massAction.progress[stage] === size) reached.set(stage, Date.now() - started);
    // Each poll has lifecycle read the mass action's whole tally: polled much faster, the bench would load what it measures.
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  console.log(`\nMass rotation on loopback, ${new Date().toISOString()}, ${process.version}: ${size} identities, one mutation\n`);
  console.log('| stage: all identities | ms after the mutation was sent |');
  console.log('|---|---:|');
  console.log(`| requested (the mutation answered) | ${mutationMs} |`);
  for (const stage of stages) console.log(`| ${stage} (seen through the gateway) | ${reached.get(stage)} |`);
  console.log(`\n- goal: all ${size} COMPLETED and visible through the gateway within 10,000 ms of the mutation`);
}

function databaseUrl(database: string): string {
  return databaseUrlOn(serverUrl, database);
}

/** The same round trips as lifecycle recorded them: from accepting the request to applying the result. */
async function serverSide(database: string, ids: readonly string[]): Promise<{ p50: number; p99: number; lastRequestedAfterMs: number }> {
  const client = new Client(postgresConnection(databaseUrl(database)));
  await client.connect();
  try {
    const { rows } = await client.query<{ ms: number; after_ms: number }>(
      `SELECT (extract(epoch FROM completed_at - requested_at) * 1000)::int AS ms,
              (extract(epoch FROM requested_at - min(requested_at) OVER ()) * 1000)::int AS after_ms
       FROM rotation_requests WHERE identity_id = ANY($1::uuid[]) AND status = 'COMPLETED'`,
      [ids],
    );
    const sorted = rows.map((r) => r.ms).sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), lastRequestedAfterMs: Math.max(...rows.map((r) => r.after_ms)) };
  } finally {
    await client.end();
  }
}

type Gql = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/**
 * Whether each identity's rotation is applied, read through the gateway:
 * 'COMPLETED' once lifecycle shows a lastRotatedAt (none of them was rotated
 * before the bench), null while not, undefined while lifecycle does not know
 * the identity yet. The reads should load the platform as little as they can:
 * a few pending identities are asked for by id, many by paging through the
 * demo identities 500 at a time (one inventory query and one lifecycle batch
 * per page instead of a root field per identity).
 */
async function statuses(gql: Gql, ids: readonly string[]): Promise<Array<string | null | undefined>> {
  const statusOf = (lifecycle: { lastRotatedAt: string | null } | null | undefined) =>
    lifecycle ? (lifecycle.lastRotatedAt ? 'COMPLETED' : null) : undefined;
  if (ids.length <= 100) {
    const query = `{ ${ids.map((id, j) => `i${j}: identity(id: "${id}") { lifecycle { lastRotatedAt } }`).join(' ')} }`;
    const data = await gql<Record<string, { lifecycle: { lastRotatedAt: string | null } | null }>>(query);
    return ids.map((_, j) => statusOf(data[`i${j}`]?.lifecycle));
  }
  const seen = new Map<string, string | null | undefined>();
  let after: string | null = null;
  do {
    const page: {
      identities: {
        edges: Array<{ node: { id: string; lifecycle: { lastRotatedAt: string | null } | null } }>;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      };
    } = await gql(
      `query($after: String) { identities(first: 500, after: $after, filter: { provider: ["demo"] }) {
         edges { node { id lifecycle { lastRotatedAt } } } pageInfo { hasNextPage endCursor } } }`,
      { after },
    );
    for (const { node } of page.identities.edges) seen.set(node.id, statusOf(node.lifecycle));
    after = page.identities.pageInfo.hasNextPage ? page.identities.pageInfo.endCursor : null;
  } while (after);
  return ids.map((id) => seen.get(id));
}

interface RoundTrips {
  latencies: number[];
  sentAt: Map<string, number>;
  seenAt: Map<string, number>;
}

/** Starts a rotation of each identity at once, then polls until each shows COMPLETED; returns each round trip in ms. */
/** n authenticated { __typename } requests through the gateway at once: the time the front door alone needs for such a burst. */
async function typenameBurst(gql: Gql, n: number): Promise<Timing> {
  const started = Date.now();
  const latencies = await Promise.all(
    Array.from({ length: n }, async () => {
      const sent = Date.now();
      await gql('{ __typename }');
      return Date.now() - sent;
    }),
  );
  return summarise(latencies, Date.now() - started);
}

async function roundTrips(gql: Gql, ids: readonly string[]): Promise<RoundTrips> {
  const sentAt = new Map<string, number>();
  const seenAt = new Map<string, number>();
  await Promise.all(
    ids.map(async (id) => {
      sentAt.set(id, Date.now());
      await gql('mutation($id: ID!) { requestRotation(identityId: $id, reason: "benchmark") { id } }', { id });
    }),
  );
  const done = new Map<string, number>();
  const deadline = Date.now() + 120_000;
  while (done.size < ids.length) {
    if (Date.now() > deadline) throw new Error(`${ids.length - done.size} rotations did not complete within 120 s`);
    const pending = ids.filter((id) => !done.has(id));
    const now = await statuses(gql, pending);
    const seen = Date.now();
    pending.forEach((id, i) => {
      if (now[i] !== 'COMPLETED') return;
      done.set(id, seen - (sentAt.get(id) ?? seen));
      seenAt.set(id, seen);
    });
    if (done.size < ids.length) await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { latencies: [...done.values()], sentAt, seenAt };
}

runBench(main);
