import { loadOrCreateDevKeys, mintDevToken } from '@nhi/auth';
import {
  consoleProgress,
  DemoSummary,
  ensureKafka,
  ensurePostgres,
  ensureRedis,
  loadOrCreateActorSigningKey,
  requireSupportedNode,
  RunningPlatform,
  registerReferenceIntegrator,
  seedDemoEstate,
  startPlatform,
  stopKafka,
  stopRedis,
  StartedPostgres,
} from '@nhi/launcher';
import { DATA_DIR, DEV_KEYS_DIR, LOG_DIR, WORKSPACE_ROOT } from './dev-paths';

/**
 * `npm start`: Kafka, PostgreSQL and Redis (if not running), the five subgraphs and the
 * gateway as separate processes, a demo estate, then a URL and a token.
 * Ctrl-C stops what this command started, and nothing else.
 */
const env = process.env;
const progress = consoleProgress;
const brokers = env['KAFKA_BROKERS'] ?? '127.0.0.1:9092';
const databaseServerUrl = env['DATABASE_SERVER_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const redisUrl = env['RATE_LIMIT_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

/** What this command started, so that stopping stops exactly that. */
const started: { kafka: boolean; redis: boolean; postgres: StartedPostgres | null; platform: RunningPlatform | null } = {
  kafka: false,
  redis: false,
  postgres: null,
  platform: null,
};
let stopping = false;

async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  progress('\nstopping ...');
  await started.platform?.stop();
  if (started.kafka) await stopKafka(WORKSPACE_ROOT, progress).catch((e: unknown) => progress(`  kafka: ${String(e)}`));
  await started.postgres?.stop();
  if (started.redis) stopRedis(redisUrl);
  progress('stopped everything this command started');
  process.exit(code);
}

async function startInfrastructure(): Promise<void> {
  started.kafka = await ensureKafka(WORKSPACE_ROOT, brokers.split(',')[0] ?? '127.0.0.1:9092', progress);
  started.postgres = await ensurePostgres(WORKSPACE_ROOT, databaseServerUrl, progress);
  started.redis = await ensureRedis(redisUrl, progress);
}

function startServices(): Promise<RunningPlatform> {
  return startPlatform({
    root: WORKSPACE_ROOT,
    basePort: Number(env['GATEWAY_PORT'] ?? 4000),
    databaseServerUrl,
    databasePrefix: 'nhi_',
    kafkaBrokers: brokers,
    topicPrefix: env['KAFKA_TOPIC_PREFIX'] ?? '',
    groupSuffix: '',
    actorSigningKey: env['ACTOR_SIGNING_KEY'] ?? loadOrCreateActorSigningKey(DATA_DIR),
    devKeysDir: DEV_KEYS_DIR,
    logDir: LOG_DIR,
    logLevel: env['LOG_LEVEL'] ?? 'info',
    progress,
  });
}

function printReady(gatewayUrl: string, demo: DemoSummary, token: string, began: number): void {
  progress(
    `demo       ${demo.identities} identities loaded through the gateway from ${demo.rows} generated rows ` +
      `(${demo.rejected} rejected on purpose: secrets, bad dates; ${demo.warned} of an unknown kind, kept as OTHER with a warning); ` +
      `${demo.imported} rows from AWS's example exports through npm run import's converters (POST /ingest/{source}?format=)`,
  );
  progress(`\nReady in ${((Date.now() - began) / 1000).toFixed(1)}s.\n`);
  progress(`  GraphQL:  ${gatewayUrl}`);
  progress(`  Token:    alice, security-admin, valid 8 h (more: npm run token -- --sub bob --role viewer)`);
  progress(`\n  export TOKEN=${token}`);
  progress(`  curl -s ${gatewayUrl} -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' \\`);
  progress(`    -d '{"query":"{ governanceSummary { totalIdentities byKind { key count } } }"}'`);
  progress(`\nLogs in .data/logs/. Press Ctrl-C to stop.`);
}

async function main(): Promise<void> {
  const began = Date.now();
  process.on('SIGINT', () => void shutdown(0));
  process.on('SIGTERM', () => void shutdown(0));

  try {
    progress('NHI governance platform: starting');
    requireSupportedNode(progress);
    await startInfrastructure();
    const keys = loadOrCreateDevKeys(DEV_KEYS_DIR);
    const platform = await startServices();
    started.platform = platform;
    const token = await mintDevToken(keys.privateKeyPem, {
      sub: 'alice',
      roles: ['security-admin'],
      issuer: 'nhi-dev',
      audience: 'nhi-platform',
    });
    await registerReferenceIntegrator(platform.gatewayUrl, token);
    const inventory = platform.services.find((service) => service.name === 'inventory');
    const demo = await seedDemoEstate(platform.gatewayUrl, token, inventory && { root: WORKSPACE_ROOT, inventoryUrl: inventory.baseUrl });
    printReady(platform.gatewayUrl, demo, token, began);
    if (env['NHI_START_EXIT_WHEN_READY'] === '1') await shutdown(0);
  } catch (error) {
    progress(`\nstart failed: ${error instanceof Error ? error.message : String(error)}`);
    await shutdown(1);
  }
}

void main();
