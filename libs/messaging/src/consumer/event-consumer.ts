import { Inject, Injectable, Logger } from '@nestjs/common';
import { Kafka, KafkaJSNonRetriableError, type Consumer, type EachMessagePayload } from 'kafkajs';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import { MESSAGING_KAFKA } from '../kafka/kafka-client';
import { EventHandlerRegistry } from './event-handler-registry';
import { MessageProcessor } from './message-processor';
import { nextOffset, subscribedTopics } from './subscription';

export interface EventConsumerStatus {
  running: boolean;
  /** Crashed on an error kafkajs does not restart from: only a service restart helps. */
  crashed: boolean;
  groupId: string;
  topics: string[];
  lastError: string | null;
}

/**
 * This service's consumer group: reads the topics its @EventHandler methods
 * need and commits each offset only after the message was applied or dead-lettered.
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
    });
    this.consumer = consumer;
    this.topics = topics;
    this.watch(consumer);
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    await consumer.run({
      autoCommit: false,
      // Partitions run side by side; within a partition kafkajs hands over one message at a time, in order.
      partitionsConsumedConcurrently: this.options.topicPartitions,
      eachMessage: (payload) => this.consume(consumer, payload),
    });
    this.logger.log(`Consuming ${topics.join(', ')} as group ${this.options.groupId}`);
  }

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

  private async consume(consumer: Consumer, { topic, partition, message, heartbeat }: EachMessagePayload): Promise<void> {
    try {
      await this.processor.process({ topic, partition, message }, { heartbeat, signal: this.abort.signal });
    } catch (error) {
      if (!this.abort.signal.aborted) throw error;
      // Shutting down mid-retry is expected: say so instead of letting kafkajs log a stack trace as an error.
      throw new KafkaJSNonRetriableError(`stopped while processing ${topic}[${partition}]@${message.offset}; left uncommitted`);
    }
    // Only now: if the process dies before this line the message comes again, and the inbox makes that harmless.
    await consumer.commitOffsets([{ topic, partition, offset: nextOffset(message.offset) }]);
  }

  private watch(consumer: Consumer): void {
    consumer.on(consumer.events.GROUP_JOIN, () => {
      this.running = true;
      this.crashed = false;
      this.lastError = null;
    });
    consumer.on(consumer.events.STOP, () => {
      this.running = false;
    });
    consumer.on(consumer.events.CRASH, ({ payload }) => {
      this.running = false;
      this.lastError = payload.error.message;
      if (this.abort.signal.aborted) return;
      this.crashed = !payload.restart;
      const next = payload.restart ? 'kafkajs restarts it' : 'it stays stopped until the service restarts';
      this.logger.error(`Consumer group ${payload.groupId} crashed (${payload.error.message}); ${next}`);
    });
  }
}
