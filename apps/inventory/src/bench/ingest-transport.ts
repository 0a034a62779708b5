import { Client } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { readFileSync } from 'node:fs';
import { postgresConnection } from '@nhi/persistence';
import type { IdentityState } from '../identity-data/identity-state';
import { IDENTITY_COLUMNS } from '../identity-data/identity-store';

/** CPU time of a process in ms (user + system), from /proc: the backend's, to compare what each way costs PostgreSQL. */
function cpuMs(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * How a chunk of identity rows best reaches PostgreSQL, measured on the bench's
 * own database (its identities table, with every index, copied empty twice):
 * - as now: one JSON parameter per chunk, INSERT ... SELECT FROM json_to_recordset;
 * - as the issue proposed: COPY of the chunk into a temporary staging table, then INSERT ... SELECT.
 * Both in one transaction per chunk, the same rows, the same columns. Prints the
 * wall time, this process's CPU (building the payload, the driver) and the
 * backend's CPU, per row.
 */
export interface TransportResult {
  how: string;
  rows: number;
  wallMs: number;
  nodeCpuMs: number;
  backendCpuMs: number;
}

const NAMES = IDENTITY_COLUMNS.map(([, column]) => column).join(', ');

const escapeText = (text: string) =>
  text.replace(/[\\\t\n\r]/g, (c) => (c === '\t' ? '\\t' : c === '\n' ? '\\n' : c === '\r' ? '\\r' : '\\\\'));
const arrayLiteral = (items: string[]) => `{${items.map((item) => `"${item.replace(/["\\]/g, (c) => `\\${c}`)}"`).join(',')}}`;

function copyField(value: unknown, type: string): string {
  if (value === null || value === undefined) return '\\N';
  if (type === 'text[]') return escapeText(arrayLiteral(value as string[]));
  if (type === 'jsonb') return escapeText(JSON.stringify(value));
  if (value instanceof Date) return value.toISOString();
  return escapeText(String(value));
}

const copyLine = (state: IdentityState) => `${IDENTITY_COLUMNS.map(([field, , type]) => copyField(state[field], type)).join('\t')}\n`;

async function measured(client: Client, how: string, rows: number, work: () => Promise<void>): Promise<TransportResult> {
  const [{ pid }] = (await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows as [{ pid: number }];
  const backend = cpuMs(pid);
  const node = process.cpuUsage();
  const began = Date.now();
  await work();
  const used = process.cpuUsage(node);
  return { how, rows, wallMs: Date.now() - began, nodeCpuMs: (used.user + used.system) / 1000, backendCpuMs: cpuMs(pid) - backend };
}

export async function compareTransports(databaseUrl: string, states: readonly IdentityState[], chunk = 1000): Promise<TransportResult[]> {
  const client = new Client(postgresConnection(databaseUrl));
  await client.connect();
  try {
    await client.query('CREATE TABLE probe_json (LIKE identities INCLUDING ALL)');
    await client.query('CREATE TABLE probe_copy (LIKE identities INCLUDING ALL)');
    const recordset = `json_to_recordset($1::json) AS v(${IDENTITY_COLUMNS.map(([field, , type]) => `"${field}" ${type}`).join(', ')})`;
    const values = IDENTITY_COLUMNS.map(([field]) => `v."${field}"`).join(', ');
    const results: TransportResult[] = [];
    results.push(
      await measured(client, 'one JSON parameter per chunk, INSERT ... SELECT FROM json_to_recordset (as now)', states.length, async () => {
        for (let i = 0; i < states.length; i += chunk) {
          await client.query('BEGIN');
          await client.query(
            `INSERT INTO probe_json (${NAMES}) SELECT ${values} FROM ${recordset} ON CONFLICT (provider, external_id) DO NOTHING`,
            [JSON.stringify(states.slice(i, i + chunk))],
          );
          await client.query('COMMIT');
        }
      }),
    );
    results.push(
      await measured(client, 'COPY into a temporary staging table, then INSERT ... SELECT', states.length, async () => {
        await client.query(`CREATE TEMPORARY TABLE stage_identities (LIKE identities INCLUDING DEFAULTS) ON COMMIT DELETE ROWS`);
        for (let i = 0; i < states.length; i += chunk) {
          await client.query('BEGIN');
          const text = states
            .slice(i, i + chunk)
            .map(copyLine)
            .join('');
          await pipeline(Readable.from([text]), client.query(copyFrom(`COPY stage_identities (${NAMES}) FROM STDIN`)));
          await client.query(
            `INSERT INTO probe_copy (${NAMES}) SELECT ${NAMES} FROM stage_identities ON CONFLICT (provider, external_id) DO NOTHING`,
          );
          await client.query('COMMIT');
        }
      }),
    );
    const counts = (
      await client.query<{ a: number; b: number }>(
        'SELECT (SELECT count(*) FROM probe_json)::int AS a, (SELECT count(*) FROM probe_copy)::int AS b',
      )
    ).rows[0];
    if (counts?.a !== states.length || counts.b !== states.length)
      throw new Error(`transport probe wrote ${counts?.a} and ${counts?.b} rows of ${states.length}`);
    return results;
  } finally {
    await client.query('DROP TABLE IF EXISTS probe_json, probe_copy').catch(() => undefined);
    await client.end();
  }
}
