import { readFileSync } from 'node:fs';
import path from 'node:path';
import { WORKSPACE_ROOT } from '../dev-paths';

/** What every benchmark script shares: percentiles, a database URL on the bench's server, waiting, a process's memory, and a clean exit. */

/** The p-th percentile of already sorted values (nearest rank). */
export function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}

/** The URL of one database on the server at `serverUrl`. */
export function databaseUrlOn(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

/** Polls every 200 ms until the condition holds, or fails after timeoutMs. */
export async function waitUntil(condition: () => Promise<boolean>, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

/** Runs a bench's main, printing the stack and exiting 1 when it fails. */
export function runBench(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  });
}

/** A process's resident memory in MB: VmHWM, its peak so far (the default), or VmRSS, now; 0 once it is gone. */
export function rssMb(pid: number | undefined, field: 'VmHWM' | 'VmRSS' = 'VmHWM'): number {
  try {
    const kb = Number(new RegExp(`${field}:\\s+(\\d+)`).exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    return Math.round(kb / 1024);
  } catch {
    return 0;
  }
}

/** CPU time (user + system) a process has used so far, in ms; 0 once it is gone. */
export function cpuMs(pid: number | undefined): number {
  try {
    // Fields 14 and 15 after the command (which can hold spaces, so split after its closing parenthesis), in clock ticks of 10 ms.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return 0;
  }
}

/** The local broker's process, to count its CPU too: compression moves work between the relay and the broker. */
export function brokerPid(): number | undefined {
  try {
    return Number(readFileSync(path.join(WORKSPACE_ROOT, 'infra/kafka/.data/kafka.pid'), 'utf8').trim()) || undefined;
  } catch {
    return undefined;
  }
}
