import { Inject, Injectable, Logger } from '@nestjs/common';
import { Kafka, KafkaJSNonRetriableError, type Consumer, type EachBatchPayload } from 'kafkajs';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import { MESSAGING_KAFKA } from '../kafka/kafka-client';
import { EventHandlerRegistry } from './event-handler-registry';
import { MessageProcessor } from './message-processor';
import { nextOffset, subscribedTopics } from './subscription';
import { plannedPartitions } from '../kafka/topic-plan';
import { retryDelayMs } from '../timing/backoff';
import { describeError } from '../describe-error';

export interface EventConsumerStatus {
  running: boolean;
  /** Crashed on an error kafkajs does not restart from: only a service restart helps. */
  crashed: boolean;
  groupId: string;
  topics: string[];
  lastError: string | null;
}

/** Backoff between restarts of a consumer that crashed for good. */
const RESTART_BASE_MS = 1_000;
const RESTART_CAP_MS = 30_000;
/** Within a long batch, offsets are committed at least this often (messages). */
const COMMIT_EVERY = 100;
/** Partitions processed side by side at most: each holds a database connection while it applies a message. */
const MAX_CONCURRENT_PARTITIONS = 8;

/**
 * This service's consumer group: reads the topics its @EventHandler methods
 * need and commits an offset only after its message (and every one before it
 * on the partition) was applied or dead-lettered.
 */
@Injectable()
export class EventConsumer {
  private readonly logger = new Logger(EventConsumer.name);
  private consumer: Consumer | undefined;
  private abort = new AbortController();
  private running = false;
  private crashed = false;
  private topics: string[] = [];
  private lastError: string | null = null;
  /** Restarts after crashes kafkajs does not recover from, since the group was last joined. */
  private restarts = 0;

  constructor(
    @Inject(MESSAGING_KAFKA) private readonly kafka: Kafka,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
    private readonly registry: EventHandlerRegistry,
    private readonly processor: MessageProcessor,
  ) {}

  /** Resolves once the consumer has joined its group (or, if joining failed, is retrying on its own). */
  async start(): Promise<void> {
    if (this.consumer) return;
    const topics = subscribedTopics(this.registry.eventTypes(), this.options.topicPrefix);
    if (topics.length === 0) {
      this.logger.log('No @EventHandler methods found; not consuming');
      return;
    }
    this.abort = new AbortController();
    const consumer = this.kafka.consumer({
      groupId: this.options.groupId,
      allowAutoTopicCreation: false,
      // Shutdown waits for the fetch in flight; an idle long poll of 1 s (kafkajs: 5 s) keeps that wait short.
      maxWaitTimeInMs: 1_000,
      // A killed instance's partitions wait this long for another (kafkajs: 30 s); heartbeats go every run.
      sessionTimeout: this.options.consumerSessionTimeoutMs ?? 15_000,
      heartbeatInterval: 3_000,
    });
    this.consumer = consumer;
    this.topics = topics;
    this.watch(consumer);
    try {
      await this.join(consumer, topics);
    } catch (error) {
      // Not left half started: a later start() (once the broker answers) begins afresh.
      this.consumer = undefined;
      await consumer.disconnect().catch(() => undefined);
      throw error;
    }
    this.logger.log(`Consuming ${topics.join(', ')} as group ${this.options.groupId}`);
  }

  private async join(consumer: Consumer, topics: string[]): Promise<void> {
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    const planned = plannedPartitions(this.options);
    await consumer.run({
      autoCommit: false,
      eachBatchAutoResolve: false,
      // Partitions of every subscribed topic run side by side, so one busy topic does not hold up another;
      // within a partition messages are applied one at a time, in order.
      partitionsConsumedConcurrently: Math.min(
        MAX_CONCURRENT_PARTITIONS,
        topics.reduce((sum, topic) => sum + (planned.get(topic) ?? this.options.topicPartitions), 0),
      ),
      eachBatch: (payload) => this.consumeBatch(consumer, payload),
    });
  }

  /**
   * Lets each partition's batch finish the run it is applying (or abandon a
   * message in a retry backoff, uncommitted), commits what was applied, and
   * leaves the group: kafkajs waits for the batches, then sends LeaveGroup.
   */
  async stop(): Promise<void> {
    // Cuts retry backoffs short; the interrupted message stays uncommitted and is redelivered later.
    this.abort.abort();
    const consumer = this.consumer;
    this.consumer = undefined;
    if (consumer) await consumer.disconnect();
    this.running = false;
  }

  status(): EventConsumerStatus {
    return { running: this.running, crashed: this.crashed, groupId: this.options.groupId, topics: this.topics, lastError: this.lastError };
  }

  /**
   * Applies a partition's batch in order and commits once at the end (and
   * every COMMIT_EVERY messages): one offset commit per message cost a round
   * trip to the group coordinator each. A crash before the commit means
   * redelivery, which the inbox makes harmless.
   */
  private async consumeBatch(consumer: Consumer, payload: EachBatchPayload): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary } = payload;
    const { topic, partition } = batch;
    let processed: string | undefined;
    let uncommitted = 0;
    const commit = async () => {
      if (processed === undefined || uncommitted === 0) return;
      const offset = nextOffset(processed);
      // Once stop() has begun, kafkajs drops consumer.commitOffsets without a word; the batch's own commit still
      // goes to the group, which this consumer leaves only after the batch returns.
      if (isRunning()) await consumer.commitOffsets([{ topic, partition, offset }]);
      else await commitOffsetsIfNecessary({ topics: [{ topic, partitions: [{ partition, offset }] }] });
      uncommitted = 0;
    };
    try {
      for (let start = 0; start < batch.messages.length; start += this.options.consumerRunSize) {
        if (!isRunning() || isStale()) break;
        const run = batch.messages.slice(start, start + this.options.consumerRunSize);
        try {
          await this.processor.processAll(
            run.map((message) => ({ topic, partition, message })),
            { heartbeat, signal: this.abort.signal },
          );
        } catch (error) {
          if (!this.abort.signal.aborted) throw error;
          // Shutting down mid-retry is expected: say so instead of letting kafkajs log a stack trace as an error.
          throw new KafkaJSNonRetriableError(`stopped while processing ${topic}[${partition}] from ${run[0]?.offset}; left uncommitted`);
        }
        const last = run[run.length - 1].offset;
        resolveOffset(last);
        processed = last;
        uncommitted += run.length;
        if (uncommitted >= COMMIT_EVERY) await commit();
        // A long batch keeps the membership alive (kafkajs sends at most one per heartbeatInterval).
        if (isRunning()) await heartbeat();
      }
    } finally {
      // What was applied is committed even when a later message stops the batch.
      await commit().catch((error: unknown) =>
        this.logger.warn(
          `could not commit ${topic}[${partition}] up to ${processed}: ${error instanceof Error ? error.message : String(error)}`,
        ),
      );
    }
  }

  private watch(consumer: Consumer): void {
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.running = true;
      this.crashed = false;
      this.lastError = null;
      this.restarts = 0;
    });
    consumer.on(consumer.events.STOP, () => {
      this.running = false;
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.running = false;
      this.lastError = payload.error.message;
      if (this.abort.signal.aborted) return;
      this.crashed = !payload.restart;
      if (payload.restart) {
        this.logger.error(`Consumer group ${payload.groupId} crashed (${payload.error.message}); kafkajs restarts it`);
        return;
      }
      // A coordinator that is not found yet (a broker just started) or lost for longer than kafkajs retries
      // is not fixed by waiting for a service restart: this consumer is replaced by a new one, with backoff.
      this.scheduleRestart(consumer, `crashed (${payload.error.message})`);
    });
  }

  /** `crashed`: the consumer to replace; undefined when a restart itself failed to start one. */
  private scheduleRestart(crashed: Consumer | undefined, why: string): void {
    this.restarts += 1;
    const delay = retryDelayMs(this.restarts, RESTART_BASE_MS, RESTART_CAP_MS);
    this.logger.error(`Consumer group ${this.options.groupId} ${why}; starting it again in ${delay} ms (restart ${this.restarts})`);
    const signal = this.abort.signal;
    setTimeout(() => void this.restart(crashed, signal), delay).unref();
  }

  private async restart(crashed: Consumer | undefined, signal: AbortSignal): Promise<void> {
    if (signal.aborted || this.consumer !== crashed) return;
    this.consumer = undefined;
    await crashed?.disconnect().catch(() => undefined);
    if (signal.aborted) return;
    try {
      await this.start();
    } catch (error) {
      this.lastError = describeError(error).message;
      this.scheduleRestart(this.consumer, `could not start again (${this.lastError})`);
    }
  }
}
