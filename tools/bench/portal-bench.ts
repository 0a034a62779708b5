import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { generateDevKeys, mintDevToken } from '@nhi/auth';
import { encodeCursor } from '@nhi/graphql';
import { consoleProgress, ensureKafka, ensurePostgres, ServiceProcess, spawnService, waitHealthy } from '@nhi/launcher';
import { ensureDatabase, postgresConnection } from '@nhi/persistence';
import { KafkaTestClient } from '@nhi/testing';
import { DATA_DIR, WORKSPACE_ROOT } from '../dev-paths';
import { cpuMs, databaseUrlOn, runBench, waitUntil } from './bench-support';
import { LoadFigures, measureRequests } from './http-load';
import { PortalDatabase, portalEstateSql } from './portal-estate';

/**
 * npm run bench:portal -- [--size 1000000] [--requests 400] [--concurrency 1,16] [--root DIR] [--from-source] [--keep] [--profile]
 *
 * The page a portal's inventory list shows: 100 identities with their owner
 * (ownership), lifecycle state (lifecycle) and approved exceptions (exceptions),
 * and the total, through the gateway, at `size` identities. Pages start at
 * random keyset cursors across the whole inventory; one in ten is the first page.
 * Then the portal's filtered page with facets (issue 22 item 4): identitySearch
 * with one of several filters a portal offers, its facets, and 100 identities
 * with their owner and lifecycle state, from metrics' search index.
 * Each concurrency is measured in turn, against `{ __typename }` through the same
 * gateway. Per subgraph it reports the SQL statements per request (each service's
 * nhi_db_statements_total, less its idle rate measured just before) and the CPU per
 * request (from /proc).
 *
 * The estate is written straight into the subgraphs' tables (portal-estate.ts),
 * and their periodic work (due clocks, sweeps) is off: only reads are measured.
 * --root runs the services of another checkout (an earlier commit, for the figure
 * before a change) with this script's load and estate.
 */
const { values } = parseArgs({
  options: {
    size: { type: 'string', default: '1000000' },
    requests: { type: 'string', default: '400' },
    concurrency: { type: 'string', default: '1,16' },
    root: { type: 'string', default: WORKSPACE_ROOT },
    'from-source': { type: 'boolean', default: false },
    keep: { type: 'boolean', default: false },
    /** Writes each process's V8 CPU profile (.cpuprofile) into the bench's directory when it stops. */
    profile: { type: 'boolean', default: false },
    port: { type: 'string', default: '4970' },
  },
});
const size = Number(values.size);
const requests = Number(values.requests);
const concurrencies = values.concurrency.split(',').map(Number);
const root = path.resolve(values.root);
const port = Number(values.port);
const runId = randomBytes(3).toString('hex');
const serverUrl = process.env['DATABASE_SERVER_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const topicPrefix = `bench.portal.${runId}.`;
const benchDir = path.join(DATA_DIR, 'bench', `portal-${runId}`);
const brokers = ['127.0.0.1:9092'];
const SUBGRAPHS: readonly PortalDatabase[] = ['inventory', 'ownership', 'lifecycle', 'exceptions', 'metrics'];
const log = (message: string) => consoleProgress(`[bench] ${message}`);

const PAGE = `query InventoryPage($after: String) {
  identities(first: 100, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node {
      id name kind environment businessUnit lastUsedAt privilege { level }
      ownershipStatus owner { id name email }
      lifecycle { state lastRotatedAt nextRotationDueAt }
      exceptions(status: APPROVED) { id control expiresAt }
    } }
  }
}`;

const FACETS = 'kind provider environment businessUnit privilegeLevel ownershipStatus lifecycleState findingCategory'
  .split(' ')
  .map((facet) => `${facet} { value count }`)
  .join(' ');
const SEARCH_PAGE = `query SearchPage($filter: IdentitySearchFilter) {
  identitySearch(filter: $filter, first: 100) {
    totalCount
    pageInfo { hasNextPage endCursor }
    facets { ${FACETS} }
    edges { node { id name kind environment businessUnit ownershipStatus owner { id name } lifecycle { state } } }
  }
}`;
/** Filters a portal's inventory page offers, from the whole estate to a few dozen identities. */
const SEARCH_FILTERS: ReadonlyArray<Record<string, unknown>> = [
  {},
  { environment: ['PRODUCTION'] },
  { ownershipStatus: ['ORPHANED', 'UNASSIGNED'], privilegeLevel: ['HIGH', 'ADMIN'] },
  { businessUnit: ['bu-7'], lifecycleState: ['ROTATION_DUE'] },
  { findingCategory: ['NHI7'], minFindingSeverity: 'HIGH', environment: ['PRODUCTION', 'STAGING'] },
  { tags: [{ key: 'team', value: 'team-42' }] },
  { search: 'bench-1234' },
  { expiresBefore: new Date(Date.now() + 30 * 86_400_000).toISOString(), kind: ['API_KEY', 'ACCESS_TOKEN'] },
];

/** Metrics' heap: about 1 MB per 2,000 identities for its search index, on top of the production default. */
const METRICS_HEAP_MB = Math.max(512, 512 + Math.ceil(size / 2_000));

const databaseOf = (subgraph: PortalDatabase) => `nhi_pbench_${subgraph}_${runId}`;

/** A service's SQL statements so far, from its /metrics; null when it exposes none (an earlier commit). */
async function statements(service: ServiceProcess): Promise<number | null> {
  const response = await fetch(`${service.baseUrl}/metrics`).catch(() => null);
  if (!response?.ok) return null;
  const match = /^nhi_db_statements_total (\d+)/m.exec(await response.text());
  return match ? Number(match[1]) : null;
}

interface Phase {
  name: string;
  figures: LoadFigures;
  perRequest: Map<string, { cpuMs: number; statements: number | null }>;
}

async function main(): Promise<void> {
  await ensureKafka(WORKSPACE_ROOT, brokers[0], consoleProgress);
  await ensurePostgres(WORKSPACE_ROOT, serverUrl, consoleProgress);
  if (!values['from-source']) {
    log(`building the bundles in ${root}`);
    await promisify(execFile)('npx', ['nx', 'run-many', '-t', 'build', '-p', [...SUBGRAPHS, 'gateway'].join(','), '--outputStyle=static'], {
      cwd: root,
      maxBuffer: 64 * 1024 * 1024,
    });
  }
  for (const subgraph of SUBGRAPHS) await ensureDatabase(databaseUrlOn(serverUrl, databaseOf(subgraph)));
  const keys = generateDevKeys();
  const keysDir = path.join(benchDir, 'keys');
  mkdirSync(keysDir, { recursive: true });
  writeFileSync(path.join(keysDir, 'jwt-dev-public.pem'), keys.publicKeyPem);
  const common = {
    ACTOR_SIGNING_KEY: randomBytes(32).toString('base64url'),
    LOG_LEVEL: 'warn',
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
    DEV_KEYS_DIR: keysDir,
  };
  const logDir = path.join(benchDir, 'logs');
  const built = !values['from-source'];
  const profileDir = path.join(benchDir, 'profiles');
  const nodeArgs = [
    ...(values.profile ? ['--cpu-prof', '--cpu-prof-dir', profileDir] : []),
    ...(process.env['BENCH_NODE_ARGS']?.split(' ').filter(Boolean) ?? []),
  ];
  const services = SUBGRAPHS.map((name, i) =>
    spawnService({
      root,
      name,
      port: port + 1 + i,
      logDir,
      built,
      // Metrics holds the search index of the whole estate in its heap (ADR 0038): past the production default at a million.
      nodeArgs: name === 'metrics' ? [...nodeArgs, `--max-old-space-size=${METRICS_HEAP_MB}`] : nodeArgs,
      env: {
        ...common,
        DATABASE_URL: databaseUrlOn(serverUrl, databaseOf(name)),
        KAFKA_TOPIC_PREFIX: topicPrefix,
        KAFKA_GROUP_ID: `pbench-${runId}-${name}`,
        // Periodic work off: the estate is written, not lived in, and only reads are measured.
        LIFECYCLE_TICK_MS: '0',
        EXCEPTIONS_TICK_MS: '0',
        DEADLINE_CHECK_INTERVAL_MS: '0',
        FINDINGS_SWEEP_INTERVAL_MS: '0',
        SNAPSHOT_INTERVAL_MS: '0',
        // Nothing is published while pages are read: the relay's poll (several statements, four times a second) would
        // blur the statements per request, which the idle rate taken off cannot follow exactly under load.
        OUTBOX_POLL_INTERVAL_MS: '600000',
      },
    }),
  );
  const gateway = spawnService({
    root,
    name: 'gateway',
    port,
    logDir,
    built,
    nodeArgs,
    env: {
      ...common,
      RATE_LIMIT_PER_MINUTE: '10000000',
      ...Object.fromEntries(services.map((service) => [`${service.name.toUpperCase()}_URL`, `${service.baseUrl}/graphql`])),
    },
  });
  try {
    await Promise.all(services.map((service) => waitHealthy(service, 180_000)));
    log(`writing an estate of ${size} identities into the five databases`);
    const cursors: string[] = [];
    for (const [subgraph, statementsOf] of Object.entries(portalEstateSql(size)) as Array<[PortalDatabase, string[]]>) {
      const db = new Client(postgresConnection(databaseUrlOn(serverUrl, databaseOf(subgraph))));
      await db.connect();
      try {
        for (const sql of statementsOf) await db.query(sql);
        await db.query('VACUUM (ANALYZE)');
        if (subgraph === 'inventory') {
          const { rows } = await db.query<{ key: string; id: string }>(
            'SELECT lower(name) AS key, id FROM identities TABLESAMPLE SYSTEM (1) LIMIT 1000',
          );
          cursors.push(...rows.map((row) => encodeCursor(row.key, row.id)));
        }
      } finally {
        await db.end();
      }
      log(`${subgraph}: written`);
    }
    const token = await mintDevToken(keys.privateKeyPem, { sub: 'bench', roles: ['viewer'], issuer: 'nhi-dev', audience: 'nhi-platform' });
    const url = `${gateway.baseUrl}/graphql`;
    const headers = { authorization: `Bearer ${token}` };
    const page = (i: number) => JSON.stringify({ query: PAGE, variables: { after: i % 10 === 0 ? null : cursors[i % cursors.length] } });
    const search = (i: number) => JSON.stringify({ query: SEARCH_PAGE, variables: { filter: SEARCH_FILTERS[i % SEARCH_FILTERS.length] } });
    const typename = () => JSON.stringify({ query: '{ __typename }' });
    const post = (body: string) =>
      fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body }).then(
        (response) => response.json() as Promise<{ data?: { identitySearch?: { totalCount: number } } }>,
        () => null,
      );
    await waitUntil(async () => (await post(typename())) !== null, 60_000);
    log('waiting for metrics to load the estate into its search index');
    await waitUntil(async () => (await post(search(0)))?.data?.identitySearch?.totalCount === size, 600_000);
    log('warming up');
    await measureRequests(url, headers, page, 100, 4);
    await measureRequests(url, headers, search, 100, 4);
    await measureRequests(url, headers, typename, 200, 4);

    const processes: ServiceProcess[] = [...services, gateway];
    const phases: Phase[] = [];
    const measured = async (name: string, body: (i: number) => string, concurrency: number) => {
      // Each service's own background statements (its outbox relay polls several times a second), counted over an idle
      // stretch and taken off, so what remains is what the requests cost.
      const idleStart = await Promise.all(processes.map(statements));
      const idleBegan = performance.now();
      await new Promise((resolve) => setTimeout(resolve, 3_000));
      const idleEnd = await Promise.all(processes.map(statements));
      const idleMs = performance.now() - idleBegan;
      const before = await Promise.all(processes.map(async (p) => ({ cpu: cpuMs(p.process.pid), statements: await statements(p) })));
      const began = performance.now();
      const figures = await measureRequests(url, headers, body, requests, concurrency);
      const tookMs = performance.now() - began;
      const perRequest = new Map<string, { cpuMs: number; statements: number | null }>();
      for (const [i, p] of processes.entries()) {
        const after = await statements(p);
        const start = before[i]?.statements;
        const idleRate = ((idleEnd[i] ?? 0) - (idleStart[i] ?? 0)) / idleMs;
        perRequest.set(p.name, {
          cpuMs: (cpuMs(p.process.pid) - (before[i]?.cpu ?? 0)) / requests,
          statements: after === null || start == null ? null : (after - start - idleRate * tookMs) / requests,
        });
      }
      phases.push({ name, figures, perRequest });
      log(`${name}: ${figures.perSecond.toFixed(1)} requests/s, p99 ${figures.p99.toFixed(1)} ms`);
    };
    for (const concurrency of concurrencies) {
      await measured(`{ __typename } (baseline), concurrency ${concurrency}`, typename, concurrency);
      await measured(`inventory page, concurrency ${concurrency}`, page, concurrency);
      await measured(`filtered page with facets, concurrency ${concurrency}`, search, concurrency);
    }

    console.log(`\nPortal page through the gateway, ${new Date().toISOString()}, ${process.version}, services from ${root}`);
    console.log(`${size} identities, ${requests} requests per row, 100 identities a page\n`);
    const names = processes.map((p) => p.name);
    console.log(
      `| load | requests/s | p50 ms | p99 ms | ${names.map((n) => `${n} CPU ms/req`).join(' | ')} | ${SUBGRAPHS.map((n) => `${n} SQL/req`).join(' | ')} |`,
    );
    console.log(`|---|${'---:|'.repeat(3 + names.length + SUBGRAPHS.length)}`);
    for (const { name, figures, perRequest } of phases) {
      const cpu = names.map((n) => (perRequest.get(n)?.cpuMs ?? 0).toFixed(1));
      const sql = SUBGRAPHS.map((n) => perRequest.get(n)?.statements?.toFixed(2) ?? 'n/a');
      console.log(
        `| ${name} | ${figures.perSecond.toFixed(1)} | ${figures.p50.toFixed(1)} | ${figures.p99.toFixed(1)} | ${cpu.join(' | ')} | ${sql.join(' | ')} |`,
      );
    }
    console.log(
      '\n- goal: at least 3x the requests/s before issue 18 at concurrency 16; p99 under 150 ms at concurrency 1; ' +
        'one SQL statement per subgraph per request, plus at most one for the count; ' +
        'the filtered page with facets: p99 under 200 ms at concurrency 1 and a million identities (issue 22)',
    );
  } finally {
    await Promise.all([gateway.stop(), ...services.map((service) => service.stop())]);
    const admin = new Client(postgresConnection(serverUrl));
    await admin.connect();
    for (const subgraph of SUBGRAPHS) {
      if (values.keep) log(`kept the database ${databaseOf(subgraph)} (--keep)`);
      else await admin.query(`DROP DATABASE IF EXISTS "${databaseOf(subgraph)}" WITH (FORCE)`);
    }
    await admin.end();
    const topics = await KafkaTestClient.connect(brokers);
    await topics.deleteTopicsWithPrefix(topicPrefix);
    await topics.disconnect();
    if (values.profile) log(`CPU profiles in ${profileDir}`);
  }
}

runBench(main);
