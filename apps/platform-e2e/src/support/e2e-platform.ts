import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { DevTokenInput, generateDevKeys, mintDevToken } from '@nhi/auth';
import {
  ensureKafka,
  ensurePostgres,
  registerReferenceIntegrator,
  RunningPlatform,
  silentProgress,
  startPlatform,
  SUBGRAPH_NAMES,
} from '@nhi/launcher';
import { KafkaTestClient, testDatabaseServerUrl, testKafkaBrokers } from '@nhi/testing';

export const ROOT = path.resolve(__dirname, '../../../..');

/** The whole platform as separate processes, as `npm start` runs it, with what a test needs to call it. */
export interface E2ePlatform {
  platform: RunningPlatform;
  runId: string;
  topicPrefix: string;
  brokers: string[];
  /** The key the gateway signs the actor header with: a test may sign with it only to prove what a forger lacks. */
  actorSigningKey: string;
  devKeys: { privateKeyPem: string; publicKeyPem: string };
  /** A dev token the gateway accepts; issuer and audience default to the gateway's. */
  token(input: Omit<DevTokenInput, 'issuer' | 'audience'> & Partial<Pick<DevTokenInput, 'issuer' | 'audience'>>): Promise<string>;
  /** Each service's database is <databasePrefix><service>. */
  databasePrefix: string;
  /** Where each service's log file (its stdout and stderr) is written. */
  logDir: string;
  /** The base URL (no /graphql) of one subgraph. */
  serviceUrl(name: string): string;
  stop(): Promise<void>;
}

export function writeDevKeys(keysDir: string, devKeys: ReturnType<typeof generateDevKeys>): void {
  mkdirSync(keysDir, { recursive: true });
  writeFileSync(path.join(keysDir, 'jwt-dev-public.pem'), devKeys.publicKeyPem);
  writeFileSync(path.join(keysDir, 'jwt-dev-private.pem'), devKeys.privateKeyPem);
}

/**
 * Starts the platform on its own ports, databases and topic prefix so it never
 * touches a running dev platform or another e2e suite; stop() removes them again.
 */
export async function startE2ePlatform(
  basePort: number,
  extraEnv: Record<string, string> = {},
  options: { logLevel?: string } = {},
): Promise<E2ePlatform> {
  const runId = randomBytes(3).toString('hex');
  const databasePrefix = `nhi_e2e_${runId}_`;
  const topicPrefix = `test.e2e.${runId}.`;
  const [keysDir, logDir] = [path.join(ROOT, '.data/e2e', runId, 'keys'), path.join(ROOT, '.data/e2e', runId, 'logs')];
  const devKeys = generateDevKeys();
  const serverUrl = testDatabaseServerUrl();
  const brokers = testKafkaBrokers();
  const actorSigningKey = randomBytes(32).toString('base64url');
  await ensureKafka(ROOT, brokers[0] ?? '127.0.0.1:9092', silentProgress);
  await ensurePostgres(ROOT, serverUrl, silentProgress);
  writeDevKeys(keysDir, devKeys);
  const platform = await startPlatform({
    root: ROOT,
    basePort,
    databaseServerUrl: serverUrl,
    databasePrefix,
    kafkaBrokers: brokers.join(','),
    topicPrefix,
    groupSuffix: `-e2e-${runId}`,
    actorSigningKey,
    devKeysDir: keysDir,
    logDir,
    logLevel: options.logLevel ?? 'warn', // short logs; the leak sweep, which searches them, asks for debug
    progress: silentProgress,
    extraEnv: { OUTBOX_POLL_INTERVAL_MS: '100', ...extraEnv },
  });
  await trustReferenceIntegrator(platform.gatewayUrl, devKeys.privateKeyPem);
  return {
    platform,
    runId,
    topicPrefix,
    brokers,
    actorSigningKey,
    devKeys,
    databasePrefix,
    logDir,
    token: (input) => mintDevToken(devKeys.privateKeyPem, { issuer: 'nhi-dev', audience: 'nhi-platform', ...input }),
    serviceUrl(name) {
      const service = platform.services.find((s) => s.name === name);
      if (!service) throw new Error(`no service ${name} in this platform`);
      return service.baseUrl;
    },
    async stop() {
      await platform.stop();
      await removeRunData(serverUrl, databasePrefix, brokers, topicPrefix);
    },
  };
}

/** Drops the run's databases and deletes its topics. */
export async function removeRunData(serverUrl: string, databasePrefix: string, brokers: string[], topicPrefix: string): Promise<void> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  for (const name of SUBGRAPH_NAMES) await client.query(`DROP DATABASE IF EXISTS "${databasePrefix}${name}" WITH (FORCE)`);
  await client.end();
  const kafka = await KafkaTestClient.connect(brokers);
  await kafka.deleteTopicsWithPrefix(topicPrefix);
  await kafka.disconnect();
}

/** As npm start does: lifecycle applies only results from registered integrators. */
async function trustReferenceIntegrator(gatewayUrl: string, privateKeyPem: string): Promise<void> {
  const admin = await mintDevToken(privateKeyPem, {
    sub: 'e2e-setup',
    roles: ['security-admin'],
    issuer: 'nhi-dev',
    audience: 'nhi-platform',
  });
  await registerReferenceIntegrator(gatewayUrl, admin);
}
