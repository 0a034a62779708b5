import { Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';

/**
 * Runs work every intervalMs (0 turns it off), never two runs at once, without
 * keeping the process alive; stop() waits for a run in progress. A failed run
 * is logged and the next one tries again.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private first: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly work: () => Promise<unknown>,
    private readonly logger = new Logger(name),
    /** A first run this soon after start, for work whose interval is long. */
    private readonly firstRunAfterMs?: number,
  ) {}

  start(): void {
    if (this.intervalMs === 0 || this.timer) return;
    this.timer = setInterval(() => void this.runOnce(), this.intervalMs);
    this.timer.unref();
    if (this.firstRunAfterMs !== undefined) {
      this.first = setTimeout(() => void this.runOnce(), this.firstRunAfterMs);
      this.first.unref();
    }
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    clearTimeout(this.first);
    this.timer = undefined;
    await this.running;
  }

  /** One run now, unless one is in progress. */
  runOnce(): Promise<void> {
    this.running ??= this.work()
      .then(() => undefined)
      .catch((error: unknown) => this.logger.warn(`${this.name} failed: ${error instanceof Error ? error.message : String(error)}`))
      .finally(() => {
        this.running = undefined;
      });
    return this.running;
  }
}

/**
 * A provider whose run() goes on a PeriodicTask from application start to
 * shutdown (which waits for a run in progress).
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  protected constructor(
    name: string,
    intervalMs: number,
    protected readonly logger: Logger,
    firstRunAfterMs?: number,
  ) {
    this.task = new PeriodicTask(name, intervalMs, () => this.run(), logger, firstRunAfterMs);
  }

  abstract run(): Promise<unknown>;

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
