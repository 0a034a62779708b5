import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { Client } from 'pg';
import { CLOUDEVENTS_CONTENT_TYPE, createEvent, serializeEvent, TOPICS, type NhiEvent } from '@nhi/contracts';
import { spawnService, tail, waitHealthy, type ServiceProcess } from '@nhi/launcher';
import {
  createTestDatabase,
  freePort,
  identityDiscoveredData,
  KafkaTestClient,
  testKafkaBrokers,
  uniqueTopicPrefix,
  waitFor,
  type TestDatabase,
} from '@nhi/testing';

// Metrics as its own process, stopped by SIGTERM in the middle of a burst of inventory events.
const ROOT = path.resolve(__dirname, '../../../..');
const SHUTDOWN_TIMEOUT_MS = 10_000;
const BURST = 6_000;

let database: TestDatabase;
let kafka: KafkaTestClient;
let admin: Admin;
let port: number;
const prefix = uniqueTopicPrefix('metrics-sigterm');
const groupId = `test-metrics-sigterm-${randomBytes(4).toString('hex')}`;
const logDir = mkdtempSync(path.join(tmpdir(), 'nhi-sigterm-'));
const running: ServiceProcess[] = [];

async function startMetrics(): Promise<ServiceProcess> {
  const service = spawnService({
    root: ROOT,
    name: 'metrics',
    port,
    logDir: path.join(logDir, String(running.length)),
    env: {
      LOG_LEVEL: 'info',
      DATABASE_URL: database.url,
      KAFKA_BROKERS: testKafkaBrokers().join(','),
      KAFKA_TOPIC_PREFIX: prefix,
      KAFKA_GROUP_ID: groupId,
      KAFKA_TOPIC_PARTITIONS: '1',
      ACTOR_SIGNING_KEY: randomBytes(32).toString('base64url'),
      // Runs of 25 events, a transaction each: the signal lands between two of them, or in one.
      CONSUMER_RUN_SIZE: '25',
      SHUTDOWN_TIMEOUT_MS: String(SHUTDOWN_TIMEOUT_MS),
      SNAPSHOT_INTERVAL_MS: '0',
    },
  });
  running.push(service);
  await waitHealthy(service, 90_000);
  return service;
}

/** SIGTERM, then how it ended and how long it took. */
async function terminate(service: ServiceProcess): Promise<{ code: number | null; signal: string | null; ms: number }> {
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) =>
    service.process.once('exit', (code, signal) => resolve({ code, signal })),
  );
  const started = Date.now();
  service.process.kill('SIGTERM');
  const { code, signal } = await exited;
  return { code, signal, ms: Date.now() - started };
}

/**
 * A request on a new connection once the service says it is stopping: 503, or a connection error if it no longer
 * listens (or closes the connection before reading it). Either way it is not served.
 */
async function requestWhileStopping(service: ServiceProcess): Promise<number | string> {
  await waitFor(() => readFileSync(service.logFile, 'utf8').includes('SIGTERM: stopping'), {
    what: 'the service to say it stops',
    intervalMs: 5,
  });
  return new Promise((resolve) => {
    get(`${service.baseUrl}/health`, { agent: false }, (response) => {
      response.resume();
      resolve(response.statusCode ?? 0);
    }).on('error', (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
  });
}

async function sql<T extends Record<string, unknown>>(text: string, values: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: database.url });
  await client.connect();
  try {
    return (await client.query<T>(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Which of the burst's events (by their index, which is their offset) metrics has applied. */
async function applied(events: readonly NhiEvent[]): Promise<Set<number>> {
  const rows = await sql<{ event_id: string }>('SELECT DISTINCT event_id FROM inbox_events');
  const index = new Map(events.map((event, i) => [event.id, i]));
  return new Set(rows.map((row) => index.get(row.event_id) ?? -1));
}

async function committed(topic: string): Promise<number> {
  return Number(await kafka.committedOffset(groupId, topic, 0));
}

beforeAll(async () => {
  database = await createTestDatabase('metrics_sigterm');
  kafka = await KafkaTestClient.connect(testKafkaBrokers());
  admin = new Kafka({ clientId: 'test-sigterm', brokers: testKafkaBrokers(), logLevel: logLevel.NOTHING }).admin();
  await admin.connect();
  port = await freePort();
});

afterAll(async () => {
  await Promise.all(running.map((service) => (service.process.exitCode === null ? service.stop() : undefined)));
  await admin?.disconnect();
  await kafka?.deleteTopicsWithPrefix(prefix);
  await kafka?.deleteGroups([groupId]).catch(() => undefined);
  await kafka?.disconnect();
  await database?.drop();
  rmSync(logDir, { recursive: true, force: true });
});

describe('SIGTERM in the middle of a burst', () => {
  it('refuses new requests, commits what it applied and nothing more, leaves its group and exits 0 in time; a restart applies the rest once', async () => {
    const first = await startMetrics();
    const topic = `${prefix}${TOPICS.inventoryEvents}`;
    const events = Array.from({ length: BURST }, () => {
      const data = identityDiscoveredData();
      return createEvent({ source: 'inventory', type: 'nhi.identity.discovered', subject: data.identity.id, data });
    });
    await kafka.produceMany(
      topic,
      events.map((event) => ({ key: event.subject, value: serializeEvent(event), headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE } })),
    );
    await waitFor(async () => (await applied(events)).size > 0, { what: 'metrics to apply its first run', intervalMs: 5 });

    const stopping = terminate(first);
    const during = await requestWhileStopping(first);
    const stopped = await stopping;
    const done = await applied(events);
    const offset = await committed(topic);
    const [group] = (await admin.describeGroups([groupId])).groups;
    console.log(
      `SIGTERM: exit ${stopped.code} in ${stopped.ms} ms; ${done.size} of ${BURST} applied, committed offset ${offset}; a request meanwhile: ${during}`,
    );

    expect({ ...stopped, ms: stopped.ms < SHUTDOWN_TIMEOUT_MS }).toEqual({ code: 0, signal: null, ms: true });
    expect(during === 503 || typeof during === 'string' ? 'not served' : tail(first.logFile)).toBe('not served');
    expect(done.size).toBeLessThan(BURST);
    // What was applied is a prefix of the partition, and exactly that prefix is committed: nothing applied is
    // left to redo, nothing unapplied is skipped.
    expect(offset).toBe(done.size);
    expect([...done].every((i) => i >= 0 && i < offset)).toBe(true);
    expect({ state: group?.state, members: group?.members.length }).toEqual({ state: 'Empty', members: 0 });

    const second = await startMetrics();
    await waitFor(async () => (await committed(topic)) === BURST, { what: 'the restart to commit the whole burst', timeoutMs: 60_000 });
    expect((await applied(events)).size).toBe(BURST);
    const [{ per_event }] = await sql<{ per_event: number }>(
      'SELECT max(n)::int AS per_event FROM (SELECT count(*) AS n FROM inbox_events GROUP BY event_id, consumer) c',
    );
    expect(per_event).toBe(1);
    const [{ facts }] = await sql<{ facts: number }>('SELECT count(*)::int AS facts FROM identity_facts');
    const [{ identities }] = await sql<{ identities: number }>(
      "SELECT coalesce(sum(n), 0)::int AS identities FROM governance_counts WHERE rollup = 'all' AND measure = 'identities'",
    );
    expect({ facts, identities }).toEqual({ facts: BURST, identities: BURST });

    // Idle, it stops at once too.
    const idle = await terminate(second);
    console.log(`SIGTERM when idle: exit ${idle.code} in ${idle.ms} ms`);
    expect(idle.code).toBe(0);
    expect((await admin.describeGroups([groupId])).groups[0]?.members).toEqual([]);
  }, 240_000);
});
