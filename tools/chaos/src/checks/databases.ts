import { Client } from 'pg';
import { postgresConnection } from '@nhi/persistence';

/** Runs `work` with a connection of its own to one database, closed afterwards whatever happens. */
export async function withDatabase<T>(url: string, work: (db: Client) => Promise<T>): Promise<T> {
  const db = new Client({ ...postgresConnection(url), application_name: 'nhi-chaos-checks' });
  // A connection the server ends (an operator's pg_terminate_backend) must not take the checks down with it.
  db.on('error', () => undefined);
  await db.connect();
  try {
    return await work(db);
  } finally {
    await db.end().catch(() => undefined);
  }
}

export async function rows<T>(db: Client, sql: string, params: unknown[] = []): Promise<T[]> {
  return (await db.query(sql, params)).rows as T[];
}

/** The count a `SELECT count(*) ...` (or any single bigint) returns, as a number. */
export async function count(db: Client, sql: string, params: unknown[] = []): Promise<number> {
  const [row] = await rows<{ n: string | number | null }>(db, sql, params);
  return Number(row?.n ?? 0);
}

/** The database name in a URL. */
export function databaseNameOf(url: string): string {
  return decodeURIComponent(new URL(url).pathname.replace(/^\//, ''));
}

/** The same server's URL for another database. */
export function databaseUrlFor(url: string, database: string): string {
  const other = new URL(url);
  other.pathname = `/${database}`;
  return other.toString();
}

/** Whether a table exists in the database (a service on an older schema may not have it). */
export async function tableExists(db: Client, table: string): Promise<boolean> {
  return (
    (await count(db, `SELECT count(*) AS n FROM information_schema.tables WHERE table_schema = 'public' AND table_name = $1`, [table])) > 0
  );
}
