import { consoleProgress, ensureKafka, ensurePostgres, ensureRedis, requireSupportedNode } from '@nhi/launcher';
import { WORKSPACE_ROOT } from './dev-paths';

/**
 * `npm run infra:up`: makes sure the broker, PostgreSQL and Redis (the gateway's rate counters) that tests and
 * services use are running, and leaves them running (`npm run infra:down` stops Kafka).
 */
async function main(): Promise<void> {
  requireSupportedNode(consoleProgress);
  await ensureKafka(WORKSPACE_ROOT, (process.env['KAFKA_BROKERS'] ?? '127.0.0.1:9092').split(',')[0] ?? '127.0.0.1:9092', consoleProgress);
  const postgres = await ensurePostgres(
    WORKSPACE_ROOT,
    process.env['DATABASE_SERVER_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres',
    consoleProgress,
  );
  await ensureRedis(process.env['RATE_LIMIT_REDIS_URL'] ?? 'redis://127.0.0.1:6379', consoleProgress);
  // An embedded server started here keeps running detached, for the tests that follow.
  if (postgres) consoleProgress('postgres   embedded server left running; stop it with: npm run infra:down');
  process.exit(0);
}

main().catch((error: unknown) => {
  console.error(`infra:up failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
