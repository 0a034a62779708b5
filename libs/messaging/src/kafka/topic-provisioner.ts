import { Inject, Injectable, Logger } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { ALL_TOPICS, dlqTopic, physicalTopic } from '@nhi/contracts';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import { MESSAGING_KAFKA } from './kafka-client';

/** Every physical topic a service may touch: each platform topic and its dead-letter topic. */
export function provisionedTopics(prefix: string): string[] {
  return ALL_TOPICS.flatMap((topic) => {
    const physical = physicalTopic(topic, prefix);
    return [physical, dlqTopic(physical)];
  });
}

/**
 * Creates the platform's topics when missing. The broker refuses auto-creation,
 * so partitions and replication are always what the platform configured.
 */
@Injectable()
export class TopicProvisioner {
  private readonly logger = new Logger(TopicProvisioner.name);

  constructor(
    @Inject(MESSAGING_KAFKA) private readonly kafka: Kafka,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  /** Returns the topics it created; topics that already exist are left as they are. */
  async ensureTopics(): Promise<string[]> {
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = provisionedTopics(this.options.topicPrefix).filter((topic) => !existing.has(topic));
      if (missing.length === 0) return [];
      // Another instance may create some of them at the same moment; kafkajs treats "already exists" as success.
      await admin.createTopics({
        waitForLeaders: true,
        topics: missing.map((topic) => ({
          topic,
          numPartitions: this.options.topicPartitions,
          replicationFactor: this.options.replicationFactor,
        })),
      });
      this.logger.log(`Created ${missing.length} topics: ${missing.join(', ')}`);
      return missing;
    } finally {
      await admin.disconnect();
    }
  }
}
