import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';

/**
 * A Kafka broker of the chaos run's own (its own ports and data directory), so
 * that stopping it harms nothing but the run: not a developer's platform on 9092.
 * The same script and jars as `npm run infra:up` (infra/kafka/kafka.sh).
 */
export class ChaosBroker {
  constructor(
    private readonly root: string,
    private readonly dataDir: string,
    readonly port: number,
    private readonly controllerPort: number,
  ) {}

  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  /** Reuses the jars the main broker resolved, so no Maven run is needed when they are there. */
  prepare(): void {
    mkdirSync(this.dataDir, { recursive: true });
    const resolved = path.join(this.root, 'infra/kafka/.data/classpath.txt');
    const copy = path.join(this.dataDir, 'classpath.txt');
    if (existsSync(resolved) && !existsSync(copy)) {
      copyFileSync(resolved, copy);
      const { atime, mtime } = statSync(resolved);
      utimesSync(copy, atime, mtime);
    }
  }

  start(): Promise<void> {
    return this.script('start');
  }

  stop(): Promise<void> {
    return this.script('stop');
  }

  private script(command: 'start' | 'stop'): Promise<void> {
    return new Promise((resolve, reject) => {
      const child = spawn('bash', [path.join(this.root, 'infra/kafka/kafka.sh'), command], {
        cwd: this.root,
        detached: true,
        stdio: ['ignore', 'ignore', 'pipe'],
        env: {
          ...process.env,
          KAFKA_PORT: String(this.port),
          KAFKA_CONTROLLER_PORT: String(this.controllerPort),
          KAFKA_DATA_DIR: this.dataDir,
        },
      });
      let errors = '';
      child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
      child.on('error', reject);
      child.on('exit', (code) =>
        code === 0
          ? resolve()
          : reject(new Error(`kafka.sh ${command} exited with ${code}: ${errors.trim().split('\n').slice(-3).join(' | ')}`)),
      );
    });
  }
}
