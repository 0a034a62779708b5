import { randomBytes } from 'node:crypto';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { generateDevKeys, mintDevToken } from '@nhi/auth';
import { physicalTopic, TOPICS } from '@nhi/contracts';
import {
  ensureKafka,
  ensurePostgres,
  graphql,
  postGraphQL,
  registerReferenceIntegrator,
  silentProgress,
  startPlatform,
  SUBGRAPH_NAMES,
  type RunningPlatform,
} from '@nhi/launcher';
import { DATA_DIR, WORKSPACE_ROOT } from '../../../dev-paths';
import { count, databaseUrlFor, rows, withDatabase } from './databases';
import { readTopics } from './topic-reader';
import type { TryContextFile } from './try-context';

/**
 * Starts a small platform of its own (ports from CHAOS_TRY_PORT, default 4900;
 * its own databases and topic prefix), runs a small workload through the
 * gateway (owners and a rule, ingest, rotations, revocations, a mass rotation,
 * exceptions), publishes poison and re-delivers results on the integrator
 * results topics, writes the context file try-checks.ts reads, and keeps the
 * platform running until SIGINT or SIGTERM, when it stops it and removes its
 * databases and topics:
 *
 *   node_modules/.bin/node -r @swc-node/register tools/chaos/src/checks/try-platform.ts
 */
const BASE_PORT = Number(process.env['CHAOS_TRY_PORT'] ?? 4900);
const IDENTITIES = Number(process.env['CHAOS_TRY_IDENTITIES'] ?? 300);
const SERVER_URL = process.env['TEST_DATABASE_SERVER_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const BROKERS = (process.env['TEST_KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',');

const runId = randomBytes(3).toString('hex');
const databasePrefix = `nhi_chk_${runId}_`;
const topicPrefix = `test.chaos-checks.${runId}.`;
const groupSuffix = `-chk-${runId}`;
const runDir = path.join(DATA_DIR, 'chaos-checks', runId);
const say = (line: string) => console.log(`[try-platform ${runId}] ${line}`);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until<T>(what: string, attempt: () => Promise<T | null | undefined | false>, timeoutMs = 120_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(500);
  }
}

async function removeRunData(): Promise<void> {
  await withDatabase(SERVER_URL, async (db) => {
    for (const name of SUBGRAPH_NAMES) await db.query(`DROP DATABASE IF EXISTS "${databasePrefix}${name}" WITH (FORCE)`);
    await db.query(`DROP DATABASE IF EXISTS "${databasePrefix}metrics_rebuild" WITH (FORCE)`);
  });
  const admin = new Kafka({ clientId: 'chaos-checks-try', brokers: BROKERS, logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(topicPrefix));
  if (topics.length > 0) await admin.deleteTopics({ topics });
  const groups = (await admin.listGroups()).groups
    .map((g) => g.groupId)
    .filter((g) => g.endsWith(groupSuffix) || g.includes(`${groupSuffix}-rebuild`));
  if (groups.length > 0) await admin.deleteGroups(groups).catch(() => undefined);
  await admin.disconnect();
}

interface Workload {
  externalIds: string[];
  rotationRequestIds: string[];
  revocationRequestIds: string[];
}

type Call = <T>(query: string, variables?: Record<string, unknown>) => Promise<T>;

/** An owner with a rule, then the identities, in batches; resolves with their inventory ids once lifecycle and exceptions know them all. */
async function ingest(call: Call, externalIds: readonly string[]): Promise<string[]> {
  const { upsertOwner } = await call<{ upsertOwner: { id: string } }>(
    'mutation { upsertOwner(input: { externalRef: "team-payments", kind: TEAM, name: "Payments", businessUnit: "Payments" }) { id } }',
  );
  await call('mutation ($o: ID!) { createOwnershipRule(input: { name: "payments", ownerId: $o, businessUnit: "Payments" }) { id } }', {
    o: upsertOwner.id,
  });
  const old = new Date(Date.now() - 40 * 86_400_000).toISOString();
  for (let start = 0; start < externalIds.length; start += 100) {
    await call('mutation ($input: IngestIdentitiesInput!) { ingestIdentities(input: $input) { created } }', {
      input: {
        source: 'demo-secret-manager',
        identities: externalIds.slice(start, start + 100).map((externalId, i) => ({
          provider: 'demo',
          externalId,
          kind: 'secret',
          name: `chk secret ${start + i}`,
          environment: (start + i) % 3 === 0 ? 'prd' : 'dev',
          businessUnit: ['Payments', 'Risk', null][(start + i) % 3],
          createdAt: old,
        })),
      },
    });
  }
  const ids = await withDatabase(databaseUrlFor(SERVER_URL, `${databasePrefix}inventory`), async (db) =>
    (await rows<{ id: string }>(db, 'SELECT id::text FROM identities WHERE external_id = ANY($1) ORDER BY external_id', [externalIds])).map(
      (r) => r.id,
    ),
  );
  for (const [service, table] of [
    ['lifecycle', 'identity_lifecycle'],
    ['exceptions', 'known_identities'],
  ] as const) {
    await until(`${service} to know every identity`, async () =>
      withDatabase(
        databaseUrlFor(SERVER_URL, `${databasePrefix}${service}`),
        async (db) => (await count(db, `SELECT count(*) AS n FROM ${table}`)) >= ids.length,
      ),
    );
  }
  say(`ingested ${externalIds.length} identities`);
  return ids;
}

async function runWorkload(gatewayUrl: string, token: string): Promise<Workload> {
  const call: Call = (query, variables = {}) => graphql(gatewayUrl, token, query, variables);
  const externalIds = Array.from({ length: IDENTITIES }, (_, i) => `secret/chk-${runId}-${i}`);
  const ids = await ingest(call, externalIds);
  const rotationRequestIds: string[] = [];
  for (const id of ids.slice(0, 60)) {
    const { requestRotation } = await call<{ requestRotation: { id: string } }>(
      'mutation ($id: ID!) { requestRotation(identityId: $id, reason: "chaos checks try") { id } }',
      { id },
    );
    rotationRequestIds.push(requestRotation.id);
  }
  const revocationRequestIds: string[] = [];
  for (const id of ids.slice(60, 80)) {
    const { requestRevocation } = await call<{ requestRevocation: { id: string } }>(
      'mutation ($id: ID!) { requestRevocation(identityId: $id, reason: "chaos checks try", force: true) { id } }',
      { id },
    );
    revocationRequestIds.push(requestRevocation.id);
  }
  const expiresAt = new Date(Date.now() + 30 * 86_400_000).toISOString();
  for (const id of ids.slice(80, 90)) {
    await call(
      `mutation ($id: ID!, $at: DateTime!) { requestException(input: { identityId: $id, control: ROTATION,
         justification: "chaos checks try", expiresAt: $at }) { id } }`,
      { id, at: expiresAt },
    );
  }
  await call('mutation ($ids: [ID!]) { requestRotations(selection: { identityIds: $ids }, reason: "chaos checks mass") { id } }', {
    ids: ids.slice(90, 105),
  });
  // A decommissioned identity stays everywhere, marked; lifecycle revokes it on its own (a trigger, not a mutation).
  for (const id of ids.slice(200, 203)) {
    await call('mutation ($id: ID!) { decommissionIdentity(id: $id, reason: "chaos checks try") { id } }', { id });
  }
  // A refused mutation is audited too, but creates nothing: the checks must not count it.
  await postGraphQL(gatewayUrl, token, 'mutation ($id: ID!) { requestRotation(identityId: $id, reason: "again") { id } }', { id: ids[60] });
  say(
    `requested ${rotationRequestIds.length} rotations, ${revocationRequestIds.length} revocations, 10 exceptions, a mass rotation of 15, 3 decommissions`,
  );
  return { externalIds, rotationRequestIds, revocationRequestIds };
}

/** Poison on the results topics: what an integrator gone wrong sends. */
async function publishPoison(producer: Producer): Promise<{ badJson: number; wrongSchema: number; oversized: number }> {
  const rotation = physicalTopic(TOPICS.rotationResults, topicPrefix);
  const revocation = physicalTopic(TOPICS.revocationResults, topicPrefix);
  const wrongSchema = (i: number) =>
    JSON.stringify({
      specversion: '1.0',
      id: `poison-${runId}-${i}`,
      source: '/nhi/reference-integrator',
      type: 'nhi.rotation.completed',
      datacontenttype: 'application/json',
      data: { requestId: 'not-a-uuid', rotatedAt: 'yesterday' },
    });
  await producer.send({
    topic: rotation,
    acks: -1,
    messages: [
      { key: 'p1', value: 'this is not json {' },
      { key: 'p2', value: '{"specversion": "1.0", ' },
      { key: 'p3', value: wrongSchema(1) },
      { key: 'p4', value: wrongSchema(2) },
      { key: 'p5', value: JSON.stringify({ pad: 'x'.repeat(100_000) }) },
    ],
  });
  await producer.send({
    topic: revocation,
    acks: -1,
    messages: [
      { key: 'p6', value: '<xml/>' },
      { key: 'p7', value: wrongSchema(3).replace('nhi.rotation.completed', 'nhi.revocation.completed') },
      { key: 'p8', value: 'y'.repeat(90_000) },
    ],
  });
  return { badJson: 3, wrongSchema: 3, oversized: 2 };
}

/** Results sent again, as an integrator that retries does: lifecycle must apply each once. */
async function redeliverResults(producer: Producer, howMany: number): Promise<number> {
  const topic = physicalTopic(TOPICS.rotationResults, topicPrefix);
  const results = (await readTopics(BROKERS, [topic]))
    .filter((m) => m.message.value?.toString().includes('nhi.rotation.completed'))
    .slice(0, howMany);
  for (const { message } of results) {
    await producer.send({ topic, acks: -1, messages: [{ key: message.key, value: message.value, headers: message.headers }] });
  }
  return results.length;
}

interface Started {
  platform: RunningPlatform;
  token: string;
  metricsEnv: Record<string, string>;
  logDir: string;
}

/** The platform, as npm start runs it but on its own ports, databases and topics, with the reference integrator trusted. */
async function start(onStarted: (platform: RunningPlatform) => void): Promise<Started> {
  const keysDir = path.join(runDir, 'keys');
  const logDir = path.join(runDir, 'logs');
  mkdirSync(keysDir, { recursive: true });
  const devKeys = generateDevKeys();
  writeFileSync(path.join(keysDir, 'jwt-dev-public.pem'), devKeys.publicKeyPem);
  writeFileSync(path.join(keysDir, 'jwt-dev-private.pem'), devKeys.privateKeyPem);
  await ensureKafka(WORKSPACE_ROOT, BROKERS[0] ?? '127.0.0.1:9092', silentProgress);
  await ensurePostgres(WORKSPACE_ROOT, SERVER_URL, silentProgress);
  const actorSigningKey = randomBytes(32).toString('base64url');
  // Failed attempts are retried after 2 s, 4 s: a few minutes' run ends every handshake.
  const extraEnv = { OUTBOX_POLL_INTERVAL_MS: '100', ROTATION_RETRY_BASE_MS: '2000' };
  const platform = await startPlatform({
    root: WORKSPACE_ROOT,
    basePort: BASE_PORT,
    databaseServerUrl: SERVER_URL,
    databasePrefix,
    kafkaBrokers: BROKERS.join(','),
    topicPrefix,
    groupSuffix,
    actorSigningKey,
    devKeysDir: keysDir,
    logDir,
    logLevel: 'warn',
    progress: say,
    extraEnv,
    integratorEnv: { INTEGRATOR_FAILURE_RATE: '0.15' },
  });
  onStarted(platform);
  const token = await mintDevToken(devKeys.privateKeyPem, {
    sub: 'chaos-try',
    roles: ['security-admin'],
    issuer: 'nhi-dev',
    audience: 'nhi-platform',
  });
  await registerReferenceIntegrator(platform.gatewayUrl, token);
  // What startPlatform gives every service (launcher/src/platform.ts sharedEnv), for the rebuild's metrics process.
  const metricsEnv = {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    KAFKA_BROKERS: BROKERS.join(','),
    KAFKA_TOPIC_PREFIX: topicPrefix,
    ACTOR_SIGNING_KEY: actorSigningKey,
    DEV_KEYS_DIR: keysDir,
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
    ...extraEnv,
  };
  return { platform, token, metricsEnv, logDir };
}

async function main(): Promise<void> {
  let platform: RunningPlatform | undefined;
  const stop = async () => {
    say('stopping and removing databases and topics');
    await platform?.stop();
    await removeRunData();
    // The keys and the context (which holds the actor signing key) go with the run; the logs stay.
    rmSync(path.join(runDir, 'keys'), { recursive: true, force: true });
    rmSync(path.join(runDir, 'context.json'), { force: true });
    say('done');
  };
  process.once('SIGINT', () => void stop().then(() => process.exit(0)));
  process.once('SIGTERM', () => void stop().then(() => process.exit(0)));
  try {
    const started = await start((running) => (platform = running));
    const workload = await runWorkload(started.platform.gatewayUrl, started.token);
    const producer = new Kafka({ clientId: 'chaos-checks-try', brokers: BROKERS, logLevel: logLevel.NOTHING }).producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: false,
    });
    await producer.connect();
    const poison = await publishPoison(producer);
    await sleep(5_000);
    const redeliveredResults = await redeliverResults(producer, 5);
    await producer.disconnect();
    const context: TryContextFile = {
      databaseServerUrl: SERVER_URL,
      databasePrefix,
      brokers: BROKERS,
      topicPrefix,
      groupIds: [...SUBGRAPH_NAMES.map((name) => `nhi-${name}${groupSuffix}`), `reference-integrator${groupSuffix}`],
      metricsEnv: started.metricsEnv,
      root: WORKSPACE_ROOT,
      logDir: started.logDir,
      rebuildPort: BASE_PORT + 10,
      poison,
      ingestedExternalIds: workload.externalIds,
      rotationRequestIds: workload.rotationRequestIds,
      revocationRequestIds: workload.revocationRequestIds,
      redeliveredResults,
    };
    const file = path.join(runDir, 'context.json');
    // It holds the run's actor signing key: readable by its owner only.
    writeFileSync(file, `${JSON.stringify(context, null, 2)}\n`, { mode: 0o600 });
    say(`re-delivered ${redeliveredResults} results; poison ${JSON.stringify(poison)}`);
    say(`context: ${file}`);
    say('running; SIGINT or SIGTERM stops it and removes its databases and topics');
  } catch (error) {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    await stop();
    process.exit(1);
  }
}

void main();
