import { copyFileSync, existsSync, mkdirSync, statSync, utimesSync } from 'node:fs';
import path from 'node:path';
import { runKafkaScript, type Progress } from '@nhi/launcher';

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
    private readonly progress: Progress,
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
    return runKafkaScript(this.root, 'start', this.progress, this.env);
  }

  stop(): Promise<void> {
    return runKafkaScript(this.root, 'stop', this.progress, this.env);
  }

  private get env(): Record<string, string> {
    return { KAFKA_PORT: String(this.port), KAFKA_CONTROLLER_PORT: String(this.controllerPort), KAFKA_DATA_DIR: this.dataDir };
  }
}
