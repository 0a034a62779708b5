import { Inject, Injectable, Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import { MessagingProducer } from '../kafka/messaging-producer';
import { describeError } from '../describe-error';
import { recordPublished } from '../metrics/published-events';
import { retryDelayMs } from '../timing/backoff';
import { Wakeup } from '../timing/wakeup';
import { OutboxListener } from './outbox-listener';
import { toTopicMessages } from './outbox-messages';
import { countUnsent, markFailed, markSent, purgeAndVacuum, selectUnsent, tryLockRelay } from './outbox-store';

/** Rows per database transaction; they go to Kafka in requests of at most MAX_REQUEST_BYTES. */
const BATCH_SIZE = 500;
/** Maintenance (purge and VACUUM) runs after this many published rows, or when idle a while after any. */
const MAINTAIN_EVERY_ROWS = 50_000;
const MAINTAIN_IDLE_MS = 60_000;
const RETRY_BASE_MS = 500;
const RETRY_CAP_MS = 30_000;

export interface OutboxRelayStatus {
  running: boolean;
  listening: boolean;
  /** Unsent rows seen at the last failed attempt; 0 after a successful drain. */
  pending: number;
  consecutiveFailures: number;
  lastError: string | null;
  lastPublishedAt: string | null;
}

/**
 * Publishes committed outbox rows to Kafka in insertion order and marks them sent.
 * While Kafka is unreachable the rows stay unsent and the relay backs off;
 * nothing is dropped, at worst an event is published twice (consumers dedupe).
 */
@Injectable()
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly wakeup = new Wakeup();
  private loop: Promise<void> | undefined;
  private stopping = false;
  /** Batches run one at a time in this process, whether the loop or flush() asked. */
  private tail: Promise<unknown> = Promise.resolve();
  private publishedSinceMaintenance = 0;
  private lastMaintenance = Date.now();
  private readonly state: Omit<OutboxRelayStatus, 'running' | 'listening'> = {
    pending: 0,
    consecutiveFailures: 0,
    lastError: null,
    lastPublishedAt: null,
  };

  constructor(
    private readonly dataSource: DataSource,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly producer: MessagingProducer,
    private readonly listener: OutboxListener,
  ) {}

  start(): void {
    if (this.loop) return;
    this.stopping = false;
    this.listener.start(() => this.wakeup.wake());
    this.loop = this.run();
  }

  /** Stops polling and listening; resolves once the batch in flight has been published or recorded as failed. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.wakeup.interrupt();
    await this.loop;
    this.loop = undefined;
    await this.listener.stop();
  }

  /** Publishes everything pending now and returns how many rows it published; throws when Kafka refuses. */
  flush(): Promise<number> {
    const drained = this.tail.then(() => this.drain());
    this.tail = drained.catch(() => undefined);
    return drained;
  }

  pendingCount(): Promise<number> {
    return countUnsent(this.dataSource.manager);
  }

  status(): OutboxRelayStatus {
    return { running: this.loop !== undefined, listening: this.listener.listening, ...this.state };
  }

  private async run(): Promise<void> {
    while (!this.stopping) {
      try {
        const published = await this.flush();
        this.recovered(published);
        // Idle now: a good time to tidy up after a burst.
        if (this.publishedSinceMaintenance > 0 && Date.now() - this.lastMaintenance >= MAINTAIN_IDLE_MS) await this.maintain();
      } catch (error) {
        const delay = await this.failed(error);
        await this.wakeup.wait(delay, false);
        continue;
      }
      await this.wakeup.wait(this.options.outboxPollIntervalMs);
    }
  }

  private async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const published = await this.publishBatch();
      total += published;
      this.publishedSinceMaintenance += published;
      if (this.publishedSinceMaintenance >= MAINTAIN_EVERY_ROWS) await this.maintain();
      if (published < BATCH_SIZE || this.stopping) return total;
    }
  }

  private async publishBatch(): Promise<number> {
    const runner = this.dataSource.createQueryRunner();
    try {
      await runner.startTransaction();
      const manager = runner.manager;
      const rows = (await tryLockRelay(manager)) ? await selectUnsent(manager, BATCH_SIZE) : [];
      const ids = rows.map((row) => row.id);
      if (rows.length > 0) {
        try {
          for (const request of toTopicMessages(rows, this.options.topicPrefix)) await this.producer.send(request);
        } catch (error) {
          // Keep the attempt on record for operators, then let the caller back off.
          await markFailed(manager, ids, describeError(error).message);
          await runner.commitTransaction();
          throw error;
        }
        await markSent(manager, ids);
      }
      await runner.commitTransaction();
      recordPublished(rows);
      if (rows.length > 0) this.state.lastPublishedAt = new Date().toISOString();
      return rows.length;
    } catch (error) {
      if (runner.isTransactionActive) await runner.rollbackTransaction();
      throw error;
    } finally {
      await runner.release();
    }
  }

  /**
   * Purges published rows past the retention and vacuums the table. A failure
   * never stops publishing: it is logged and tried again after the next burst.
   */
  async maintain(): Promise<void> {
    this.publishedSinceMaintenance = 0;
    this.lastMaintenance = Date.now();
    try {
      const purged = await purgeAndVacuum(this.dataSource.manager, this.options.outboxRetentionHours);
      if (purged > 0) this.logger.log(`Purged ${purged} published outbox events older than ${this.options.outboxRetentionHours} h`);
    } catch (error) {
      this.logger.warn(`Outbox maintenance failed: ${describeError(error).message}`);
    }
  }

  private recovered(published: number): void {
    if (this.state.consecutiveFailures > 0) {
      this.logger.log(`Publishing again after ${this.state.consecutiveFailures} failed attempts; ${published} pending events published`);
    }
    Object.assign(this.state, { pending: 0, consecutiveFailures: 0, lastError: null });
  }

  /** Records the failure, says so in the log and returns how long to back off. */
  private async failed(error: unknown): Promise<number> {
    this.state.consecutiveFailures += 1;
    this.state.lastError = describeError(error).message;
    this.state.pending = await this.pendingCount().catch(() => this.state.pending);
    const delay = retryDelayMs(this.state.consecutiveFailures, RETRY_BASE_MS, RETRY_CAP_MS);
    this.logger.warn(
      `Could not publish outbox events (attempt ${this.state.consecutiveFailures}): ${this.state.lastError}. ` +
        `${this.state.pending} events stay in outbox_events; retrying in ${delay} ms`,
    );
    return delay;
  }
}
