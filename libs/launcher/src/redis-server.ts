import { execFileSync } from 'node:child_process';
import { isPortOpen } from './ports';
import type { Progress } from './progress';

/**
 * The Redis the gateway keeps its per-actor rate counters in. Started (daemonised, in memory only)
 * when it is installed but not running; without it the gateway counts in process, so this
 * only says so. Returns true when it started one.
 */
export async function ensureRedis(url: string, progress: Progress): Promise<boolean> {
  const { hostname, port } = new URL(url);
  const portNumber = Number(port || 6379);
  if (await isPortOpen(hostname, portNumber)) {
    progress(`redis      ${hostname}:${portNumber} answering`);
    return false;
  }
  if (!['127.0.0.1', 'localhost'].includes(hostname)) {
    progress(`redis      ${hostname}:${portNumber} not answering; the gateway counts rate limits in process until it does`);
    return false;
  }
  try {
    execFileSync(
      'redis-server',
      ['--port', String(portNumber), '--bind', '127.0.0.1', '--daemonize', 'yes', '--save', '', '--appendonly', 'no'],
      {
        stdio: 'ignore',
      },
    );
  } catch {
    progress('redis      not installed; the gateway counts rate limits in process (install redis-server to share them)');
    return false;
  }
  for (let waited = 0; waited < 5000; waited += 100) {
    if (await isPortOpen(hostname, portNumber)) {
      progress(`redis      started on ${hostname}:${portNumber} (in memory)`);
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`redis-server started but ${hostname}:${portNumber} does not answer after 5 s`);
}

/** Stops a Redis that ensureRedis started (it keeps nothing on disk). */
export function stopRedis(url: string): void {
  const { hostname, port } = new URL(url);
  execFileSync('redis-cli', ['-h', hostname, '-p', port || '6379', 'shutdown', 'nosave'], { stdio: 'ignore' });
}
