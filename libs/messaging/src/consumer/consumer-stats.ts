import { Inject, Injectable } from '@nestjs/common';
import type { Kafka } from 'kafkajs';
import { MESSAGING_KAFKA } from '../kafka/kafka-client';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import type { ProcessOutcome } from './consumed-message';

export interface PartitionLag {
  topic: string;
  partition: number;
  /** Messages on the partition the group has not committed past. */
  lag: number;
}

/**
 * What this service's consumer did since it started (outcomes per topic,
 * failed handler attempts) and how far behind its group is: what /metrics
 * exports for operators.
 */
@Injectable()
export class ConsumerStats {
  /** topic -> outcome -> count */
  readonly outcomes = new Map<string, Map<ProcessOutcome, number>>();
  /** topic -> handler attempts that threw (each retry counts) */
  readonly failedAttempts = new Map<string, number>();

  constructor(
    @Inject(MESSAGING_KAFKA) private readonly kafka: Kafka,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  recordOutcome(topic: string, outcome: ProcessOutcome): void {
    const byOutcome = this.outcomes.get(topic) ?? new Map<ProcessOutcome, number>();
    byOutcome.set(outcome, (byOutcome.get(outcome) ?? 0) + 1);
    this.outcomes.set(topic, byOutcome);
  }

  recordFailedAttempt(topic: string): void {
    this.failedAttempts.set(topic, (this.failedAttempts.get(topic) ?? 0) + 1);
  }

  /** The group's lag on each partition of the given topics, read from the broker. */
  async lag(topics: readonly string[]): Promise<PartitionLag[]> {
    if (topics.length === 0) return [];
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const committed = await admin.fetchOffsets({ groupId: this.options.groupId, topics: [...topics] });
      const result: PartitionLag[] = [];
      for (const { topic, partitions } of committed) {
        const ends = await admin.fetchTopicOffsets(topic);
        for (const end of ends) {
          const offset = partitions.find((p) => p.partition === end.partition)?.offset ?? '-1';
          // -1: nothing committed yet, so everything from the low watermark on is still to read.
          const from = BigInt(offset) < 0n ? BigInt(end.low) : BigInt(offset);
          result.push({ topic, partition: end.partition, lag: Number(BigInt(end.high) - from) });
        }
      }
      return result;
    } finally {
      await admin.disconnect();
    }
  }
}
