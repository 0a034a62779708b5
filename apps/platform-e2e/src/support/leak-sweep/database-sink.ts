import { createHash } from 'node:crypto';
import { Client } from 'pg';
import { SUBGRAPH_NAMES } from '@nhi/launcher';

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

const quote = (name: string) => `"${name.replace(/"/g, '""')}"`;

/**
 * Every table of every service database of the run, each row as PostgreSQL's text form
 * (`SELECT t::text`): columns of every type, jsonb and arrays included, outbox, inbox,
 * audit, dead letters and the migrations table alike.
 */
export class DatabaseSink {
  /** Hashes of the rows already returned, per table: each dump returns only rows new or changed since. */
  private readonly seen = new Map<string, Set<string>>();

  private constructor(private readonly clients: Map<string, Client>) {}

  static async open(serverUrl: string, databasePrefix: string): Promise<DatabaseSink> {
    const clients = new Map<string, Client>();
    for (const name of SUBGRAPH_NAMES) {
      const client = new Client({ connectionString: databaseUrl(serverUrl, `${databasePrefix}${name}`) });
      await client.connect();
      clients.set(`${databasePrefix}${name}`, client);
    }
    return new DatabaseSink(clients);
  }

  /** One text per table, named database.schema.table: its rows that are new or changed since the last dump. */
  async dump(): Promise<Array<{ table: string; text: string }>> {
    // The five databases at once (one connection each); the tables of one database one after another.
    const perDatabase = await Promise.all([...this.clients].map(([database, client]) => this.dumpDatabase(database, client)));
    return perDatabase.flat();
  }

  private async dumpDatabase(database: string, client: Client): Promise<Array<{ table: string; text: string }>> {
    const out: Array<{ table: string; text: string }> = [];
    const { rows: tables } = await client.query<{ schema: string; name: string }>(
      `SELECT table_schema AS schema, table_name AS name FROM information_schema.tables
        WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2`,
    );
    for (const { schema, name } of tables) {
      const { rows } = await client.query<{ row: string }>(`SELECT t::text AS row FROM ${quote(schema)}.${quote(name)} t`);
      const table = `${database}.${schema}.${name}`;
      out.push({
        table,
        text: this.fresh(
          table,
          rows.map((r) => r.row),
        ).join('\n'),
      });
    }
    return out;
  }

  private fresh(table: string, rows: string[]): string[] {
    const seen = this.seen.get(table) ?? new Set<string>();
    this.seen.set(table, seen);
    return rows.filter((row) => {
      const hash = createHash('sha1').update(row).digest('base64');
      if (seen.has(hash)) return false;
      seen.add(hash);
      return true;
    });
  }

  /** Outbox rows not yet published, over all services: the relay still has work. */
  async unsentOutboxRows(): Promise<number> {
    const counts = await Promise.all(
      [...this.clients.values()].map((client) =>
        client.query<{ n: string }>('SELECT count(*) AS n FROM outbox_events WHERE sent_at IS NULL'),
      ),
    );
    return counts.reduce((total, { rows }) => total + Number(rows[0]?.n ?? 0), 0);
  }

  async close(): Promise<void> {
    await Promise.all([...this.clients.values()].map((client) => client.end()));
  }
}
