import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { generateDevKeys, mintDevToken } from '@nhi/auth';
import { createEvent, physicalTopic, serializeEvent, TOPICS } from '@nhi/contracts';
import {
  ensureKafka,
  ensurePostgres,
  registerReferenceIntegrator,
  silentProgress,
  spawnService,
  SUBGRAPH_NAMES,
  waitHealthy,
  type ServiceProcess,
} from '@nhi/launcher';
import { identityDiscoveredData, KafkaTestClient, testDatabaseServerUrl, testKafkaBrokers } from '@nhi/testing';
import { removeRunData, ROOT, writeDevKeys } from './e2e-platform';

const START_TIMEOUT_MS = 120_000;

/**
 * The smallest platform a rotation needs: lifecycle, the reference integrator
 * and the gateway in front, as separate processes. Inventory is not started:
 * the test announces an identity by producing the event inventory would.
 */
export interface RotationPlatform {
  gatewayUrl: string;
  runId: string;
  topicPrefix: string;
  brokers: string[];
  /** A security-admin's dev token, which the gateway accepts. */
  adminToken(): Promise<string>;
  /** Announces a demo-provider identity on the inventory topic, as inventory does after an ingest; returns its id. */
  announceIdentity(externalId: string): Promise<string>;
  stop(): Promise<void>;
}

function serviceEnv(runId: string, keysDir: string, extraEnv: Record<string, string>) {
  return {
    NODE_ENV: 'development',
    LOG_LEVEL: 'warn',
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    KAFKA_TOPIC_PREFIX: `test.e2e.${runId}.`,
    ACTOR_SIGNING_KEY: randomBytes(32).toString('base64url'),
    DEV_KEYS_DIR: keysDir,
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
    OUTBOX_POLL_INTERVAL_MS: '100',
    ...extraEnv,
  };
}

export async function startRotationPlatform(basePort: number, extraEnv: Record<string, string>): Promise<RotationPlatform> {
  const runId = randomBytes(3).toString('hex');
  const [keysDir, logDir] = [path.join(ROOT, '.data/e2e', runId, 'keys'), path.join(ROOT, '.data/e2e', runId, 'logs')];
  const devKeys = generateDevKeys();
  writeDevKeys(keysDir, devKeys);
  const serverUrl = testDatabaseServerUrl();
  const brokers = testKafkaBrokers();
  await ensureKafka(ROOT, brokers[0] ?? '127.0.0.1:9092', silentProgress);
  await ensurePostgres(ROOT, serverUrl, silentProgress);
  const env = serviceEnv(runId, keysDir, extraEnv);
  // Named as the whole platform's are, so that removeRunData drops it.
  const databasePrefix = `nhi_e2e_${runId}_`;
  const database = new URL(serverUrl);
  database.pathname = `/${databasePrefix}lifecycle`;
  const started: ServiceProcess[] = [];
  const spawn = (name: string, port: number, own: Record<string, string>) => {
    const service = spawnService({ root: ROOT, name, port, logDir, env: { ...env, ...own } });
    started.push(service);
    return service;
  };
  const stop = async () => {
    await Promise.all([...started].reverse().map((service) => service.stop()));
    await removeRunData(serverUrl, databasePrefix, brokers, env.KAFKA_TOPIC_PREFIX);
  };
  const adminToken = () =>
    mintDevToken(devKeys.privateKeyPem, { sub: 'e2e-tracing', roles: ['security-admin'], issuer: 'nhi-dev', audience: 'nhi-platform' });
  try {
    const lifecycle = spawn('lifecycle', basePort + 3, {
      DATABASE_URL: database.toString(),
      KAFKA_GROUP_ID: `nhi-lifecycle-e2e-${runId}`,
    });
    // The integrator subscribes to topics that lifecycle creates as it starts.
    await waitHealthy(lifecycle, START_TIMEOUT_MS);
    const integrator = spawn('reference-integrator', basePort + 6, { KAFKA_GROUP_ID: `reference-integrator-e2e-${runId}` });
    await waitHealthy(integrator, START_TIMEOUT_MS);
    // Only lifecycle is called; the other subgraphs' URLs name it too, so that the gateway's /health (which asks each) answers.
    const urls = Object.fromEntries(SUBGRAPH_NAMES.map((name) => [`${name.toUpperCase()}_URL`, `${lifecycle.baseUrl}/graphql`]));
    const gateway = spawn('gateway', basePort, urls);
    await waitHealthy(gateway, START_TIMEOUT_MS);
    const gatewayUrl = `${gateway.baseUrl}/graphql`;
    await registerReferenceIntegrator(gatewayUrl, await adminToken());
    return {
      gatewayUrl,
      runId,
      topicPrefix: env.KAFKA_TOPIC_PREFIX,
      brokers,
      adminToken,
      announceIdentity: (externalId) => announce(brokers, physicalTopic(TOPICS.inventoryEvents, env.KAFKA_TOPIC_PREFIX), externalId),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}

async function announce(brokers: string[], topic: string, externalId: string): Promise<string> {
  const data = identityDiscoveredData({ provider: 'demo', externalId, kind: 'SECRET', name: 'traced secret' });
  const event = createEvent({ source: 'inventory', type: 'nhi.identity.discovered', subject: data.identity.id, data });
  const kafka = await KafkaTestClient.connect(brokers);
  try {
    await kafka.produce(topic, { key: event.subject, value: serializeEvent(event) });
  } finally {
    await kafka.disconnect();
  }
  return event.subject;
}
