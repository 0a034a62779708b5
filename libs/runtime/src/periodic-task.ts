import { BeforeApplicationShutdown, Logger, OnApplicationBootstrap, OnModuleDestroy } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';

/**
 * Runs work every intervalMs (0 turns it off), never two runs at once, without
 * keeping the process alive; stop() waits for a run in progress. A failed run
 * is logged and the next one tries again.
 */
export class PeriodicTask {
  private timer: NodeJS.Timeout | undefined;
  private first: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;

  constructor(
    private readonly name: string,
    private readonly intervalMs: number,
    private readonly work: () => Promise<unknown>,
    private readonly logger = new Logger(name),
    /** A first run this soon after start, for work whose interval is long. */
    private readonly firstRunAfterMs?: number,
  ) {}

  /** True from stop() on: work made of several transactions checks it between them and ends early. */
  get stopping(): boolean {
    return this.stopped;
  }

  start(): void {
    this.stopped = false;
    if (this.intervalMs === 0 || this.timer) return;
    this.timer = setInterval(() => void this.runOnce(), this.intervalMs);
    this.timer.unref();
    if (this.firstRunAfterMs !== undefined) {
      this.first = setTimeout(() => void this.runOnce(), this.firstRunAfterMs);
      this.first.unref();
    }
  }

  async stop(): Promise<void> {
    this.stopped = true;
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
 * shutdown. No run starts once shutdown has begun, and the one in progress is
 * awaited before shutdown, not on it: TypeORM closes the DataSource on
 * shutdown, and that run still needs it.
 */
export abstract class PeriodicJob implements OnApplicationBootstrap, OnModuleDestroy, BeforeApplicationShutdown {
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

  /** The service is shutting down: a run of several transactions stops after the one in progress. */
  protected get stopping(): boolean {
    return this.task.stopping;
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  /** The first moment of shutdown (the signal, or onModuleDestroy), while requests in flight are answered. */
  stopTakingWork(): void {
    // stop() never rejects: a run's failure is logged by the task.
    void this.task.stop();
  }

  onModuleDestroy(): void {
    this.stopTakingWork();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}

/**
 * Runs work on one instance at a time across replicas, or not at all: in a
 * transaction that first tries the transaction-scoped advisory lock `lock`.
 * Resolves to undefined, having done nothing, while another instance holds it.
 *
 * A transaction's lock, not a session's: it ends with the transaction, so a
 * replica that crashes or loses its connection never leaves it taken, and a
 * pooled connection never carries it into other work. READ COMMITTED, so each
 * statement after the lock sees everything the previous holder committed.
 * Work that commits in transactions of its own (batches) leaves this one idle,
 * holding only the lock, for as long as it runs.
 */
export async function runExclusively<T>(
  dataSource: DataSource,
  lock: string,
  work: (manager: EntityManager) => Promise<T>,
): Promise<T | undefined> {
  return dataSource.transaction('READ COMMITTED', async (manager) => {
    const [{ locked }]: Array<{ locked: boolean }> = await manager.query('SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', [
      lock,
    ]);
    return locked ? work(manager) : undefined;
  });
}
