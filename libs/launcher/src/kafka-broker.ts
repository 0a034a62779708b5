import { spawn } from 'node:child_process';
import path from 'node:path';
import { hostPort, isPortOpen } from './ports';
import type { Progress } from './progress';

/**
 * Runs infra/kafka/kafka.sh start or stop; `env` picks another broker than the default one
 * (KAFKA_PORT, KAFKA_CONTROLLER_PORT, KAFKA_DATA_DIR). Its output goes to `progress`.
 */
export function runKafkaScript(
  root: string,
  command: 'start' | 'stop',
  progress: Progress,
  env: Record<string, string> = {},
): Promise<void> {
  return new Promise((resolve, reject) => {
    // Its own process group, so a Ctrl-C at the terminal reaches the broker only through `stop`.
    const child = spawn('bash', [path.join(root, 'infra/kafka/kafka.sh'), command], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, ...env },
    });
    const forward = (chunk: Buffer) =>
      chunk
        .toString()
        .split('\n')
        .filter((line) => line.trim() && !line.startsWith('SLF4J'))
        .forEach((line) => progress(`  ${line}`));
    child.stdout.on('data', forward);
    child.stderr.on('data', forward);
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`infra/kafka/kafka.sh ${command} exited with ${code}`))));
  });
}

/** Starts the local broker unless one already answers. Returns whether this call started it. */
export async function ensureKafka(root: string, broker: string, progress: Progress): Promise<boolean> {
  const { host, port } = hostPort(broker);
  if (await isPortOpen(host, port)) {
    progress(`kafka      already running at ${broker}`);
    return false;
  }
  progress(`kafka      starting a single-node KRaft broker at ${broker}`);
  await runKafkaScript(root, 'start', progress, { KAFKA_PORT: String(port) });
  return true;
}

export function stopKafka(root: string, progress: Progress): Promise<void> {
  return runKafkaScript(root, 'stop', progress);
}
