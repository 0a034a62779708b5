import { spawn } from 'node:child_process';
import { mkdirSync, openSync } from 'node:fs';
import path from 'node:path';
import { isPortOpen } from './ports';
import type { Progress } from './progress';
import { stopProcess } from './service-process';

export interface StartedPostgres {
  stop(): Promise<void>;
}

/**
 * Uses the PostgreSQL at the URL when one answers; otherwise starts an embedded
 * one (real PostgreSQL binaries from npm) with its data under .data/postgres.
 * Returns a handle only when this call started the server.
 */
export async function ensurePostgres(root: string, serverUrl: string, progress: Progress): Promise<StartedPostgres | null> {
  const url = new URL(serverUrl);
  const host = url.hostname;
  const port = Number(url.port || 5432);
  if (await isPortOpen(host, port)) {
    progress(`postgres   using the server at ${host}:${port}`);
    return null;
  }
  if (!['127.0.0.1', 'localhost'].includes(host)) {
    throw new Error(`no PostgreSQL answers at ${host}:${port}; an embedded server can only be started on 127.0.0.1`);
  }
  progress(`postgres   no server at ${host}:${port}; starting embedded PostgreSQL (data in .data/postgres)`);
  const dataDir = path.join(root, '.data/postgres');
  mkdirSync(path.dirname(dataDir), { recursive: true });
  const log = openSync(path.join(root, '.data/embedded-postgres.log'), 'a');
  const child = spawn(
    process.execPath,
    ['-r', '@swc-node/register', path.join(__dirname, 'embedded-postgres.daemon.ts'), dataDir, String(port)],
    {
      cwd: root,
      detached: true,
      stdio: ['ignore', log, log],
    },
  );
  const deadline = Date.now() + 120_000;
  while (!(await isPortOpen('127.0.0.1', port))) {
    if (child.exitCode !== null) throw new Error('embedded PostgreSQL exited during start-up; see .data/embedded-postgres.log');
    if (Date.now() > deadline) throw new Error('embedded PostgreSQL did not start within 120 s; see .data/embedded-postgres.log');
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  progress(`postgres   embedded server ready on 127.0.0.1:${port}`);
  return {
    stop: () => stopProcess(child),
  };
}
