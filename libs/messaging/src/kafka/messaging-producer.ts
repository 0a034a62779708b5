import { Inject, Injectable } from '@nestjs/common';
import { Kafka, Partitioners, type Producer, type ProducerConfig, type TopicMessages } from 'kafkajs';
import { MESSAGING_KAFKA } from './kafka-client';
import { compressionFor, useGzipLevel } from './compression';

/** acks=all: a message counts as sent only once every in-sync replica has it. */
export const ACKS_ALL = -1;

export const PRODUCER_CONFIG: ProducerConfig = {
  // One request in flight: a retried request can never overtake a later one, so a key's events stay in order.
  maxInFlightRequests: 1,
  // Not idempotent: kafkajs wants unlimited retries for that, which would hold the relay's transaction
  // open for the whole outage. Callers retry from the database instead; consumers dedupe the rare repeat.
  idempotent: false,
  allowAutoTopicCreation: false,
  createPartitioner: Partitioners.DefaultPartitioner,
};

/**
 * The service's producer, shared by the outbox relay and the dead-letter path.
 * It connects on first use rather than at start, so a broker outage delays
 * publishing but never stops the service from booting its relay.
 */
@Injectable()
export class MessagingProducer {
  private readonly producer: Producer;
  private connection: Promise<void> | undefined;

  constructor(@Inject(MESSAGING_KAFKA) kafka: Kafka) {
    useGzipLevel();
    this.producer = kafka.producer(PRODUCER_CONFIG);
    this.producer.on(this.producer.events.DISCONNECT, () => {
      this.connection = undefined;
    });
  }

  /** Sends all messages with acks=all, a large request compressed; resolves only when the broker has them all. */
  async send(topicMessages: TopicMessages[]): Promise<void> {
    await this.connect();
    const messages = topicMessages.reduce((sum, group) => sum + group.messages.length, 0);
    await this.producer.sendBatch({ topicMessages, acks: ACKS_ALL, compression: compressionFor(messages) });
  }

  async disconnect(): Promise<void> {
    this.connection = undefined;
    await this.producer.disconnect();
  }

  private connect(): Promise<void> {
    this.connection ??= this.producer.connect().catch((error: unknown) => {
      this.connection = undefined;
      throw error;
    });
    return this.connection;
  }
}
