import { Client } from 'pg';
import { postgresConnection, type PostgresTlsEnv } from './postgres-tls';
import { isTransientDatabaseFailure } from './transient-failure';

const DUPLICATE_DATABASE = '42P04';
const UNIQUE_VIOLATION = '23505';

/** The same server, but the maintenance database: where CREATE DATABASE is run from. */
export function maintenanceUrl(databaseUrl: string): string {
  const url = new URL(databaseUrl);
  url.pathname = '/postgres';
  return url.toString();
}

export function databaseName(databaseUrl: string): string {
  const name = decodeURIComponent(new URL(databaseUrl).pathname.replace(/^\//, ''));
  if (!/^[A-Za-z_][A-Za-z0-9_-]{0,62}$/.test(name)) {
    throw new Error(`DATABASE_URL names database "${name}", which is not a plain PostgreSQL identifier`);
  }
  return name;
}

/** How long a starting service waits for a server that does not answer (restarting, or a network path down). */
const UNREACHABLE_RETRY_MS = 2_000;
const UNREACHABLE_ATTEMPTS = 30;

/**
 * Creates the service's database when it is missing, so a service can start
 * on a fresh server. Safe when several instances race to create it. A server
 * that cannot be reached is tried again for a minute before the start fails:
 * replicas starting while the database restarts should not need a second start.
 */
export async function ensureDatabase(
  databaseUrl: string,
  tls: PostgresTlsEnv = process.env,
  attempts = UNREACHABLE_ATTEMPTS,
): Promise<'created' | 'exists'> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await ensureDatabaseOnce(databaseUrl, tls);
    } catch (error) {
      if (attempt >= attempts || !isTransientDatabaseFailure(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, UNREACHABLE_RETRY_MS));
    }
  }
}

async function ensureDatabaseOnce(databaseUrl: string, tls: PostgresTlsEnv): Promise<'created' | 'exists'> {
  const name = databaseName(databaseUrl);
  const client = new Client(postgresConnection(maintenanceUrl(databaseUrl), tls));
  await client.connect();
  try {
    const found = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return 'exists';
    await client.query(`CREATE DATABASE "${name}"`);
    return 'created';
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === DUPLICATE_DATABASE || code === UNIQUE_VIOLATION) return 'exists';
    throw error;
  } finally {
    await client.end();
  }
}

/** Drops a database, closing other sessions first. Used by tests and `reset` tooling only. */
export async function dropDatabase(databaseUrl: string, tls: PostgresTlsEnv = process.env): Promise<void> {
  const name = databaseName(databaseUrl);
  const client = new Client(postgresConnection(maintenanceUrl(databaseUrl), tls));
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  } finally {
    await client.end();
  }
}
