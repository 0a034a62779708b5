import { ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { PRODUCTION_ENV, PRODUCTION_NODE_ARGS } from './service-runtime';

export interface ServiceProcess {
  name: string;
  baseUrl: string;
  process: ChildProcess;
  logFile: string;
  stop(): Promise<void>;
}

export interface SpawnServiceOptions {
  root: string;
  name: string;
  port: number;
  env: Record<string, string>;
  logDir: string;
  /** Extra Node.js flags, for example --cpu-prof to profile a service under load. */
  nodeArgs?: string[];
  /** The log file's name without .log (default: the service's name). */
  logName?: string;
  /** Append to the log file instead of starting it afresh (a restart). */
  append?: boolean;
  /**
   * Run the built bundle (dist/apps/<name>/main.js, `nx run <name>:build`) as production does, with
   * PRODUCTION_NODE_ARGS and PRODUCTION_ENV (nodeArgs and env still win), instead of the sources through swc.
   */
  built?: boolean;
}

/** Runs one app as its own process (as platform teams run them), its JSON log lines going to a file. */
export function spawnService(options: SpawnServiceOptions): ServiceProcess {
  mkdirSync(options.logDir, { recursive: true });
  const logFile = path.join(options.logDir, `${options.logName ?? options.name}.log`);
  const log = openSync(logFile, options.append ? 'a' : 'w');
  const child = spawn(
    process.execPath,
    [
      ...(options.built ? PRODUCTION_NODE_ARGS : []),
      ...(options.nodeArgs ?? []),
      ...(options.built
        ? [path.join(options.root, 'dist/apps', options.name, 'main.js')]
        : ['-r', '@swc-node/register', path.join(options.root, 'apps', options.name, 'src/main.ts')]),
    ],
    {
      cwd: options.root,
      env: { ...process.env, ...(options.built ? PRODUCTION_ENV : {}), ...options.env, PORT: String(options.port), HOST: '127.0.0.1' },
      stdio: ['ignore', log, log],
    },
  );
  closeSync(log);
  return {
    name: options.name,
    baseUrl: `http://127.0.0.1:${options.port}`,
    process: child,
    logFile,
    stop: () => stopProcess(child),
  };
}

export async function stopProcess(child: ChildProcess, graceMs = 15_000): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), graceMs);
  await exited;
  clearTimeout(timer);
}

export function tail(file: string, lines = 20): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log)';
  }
}

/** Polls GET /health until 200; fails early, with the log's tail, if the process dies. */
export async function waitHealthy(service: ServiceProcess, timeoutMs: number): Promise<number> {
  const started = Date.now();
  for (;;) {
    if (service.process.exitCode !== null) {
      throw new Error(
        `${service.name} exited with code ${service.process.exitCode} during start-up. Last log lines (${service.logFile}):\n${tail(service.logFile)}`,
      );
    }
    try {
      const response = await fetch(`${service.baseUrl}/health`, { signal: AbortSignal.timeout(2000) });
      if (response.ok) return Date.now() - started;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeoutMs) {
      throw new Error(
        `${service.name} was not healthy within ${timeoutMs / 1000}s. Last log lines (${service.logFile}):\n${tail(service.logFile)}`,
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
}
