import { ALL_TOPICS, dlqTopic, DLQ_SUFFIX, physicalTopic } from '@nhi/contracts';
import type { MessagingOptions } from '../messaging-options';

export type PartitionOptions = Pick<MessagingOptions, 'topicPrefix' | 'topicPartitions' | 'topicPartitionOverrides' | 'dlqPartitions'>;

/** A topic that exists with fewer partitions than configured. */
export interface ShortTopic {
  topic: string;
  partitions: number;
  configured: number;
}

/** Every physical topic a service may touch: each platform topic and its dead-letter topic. */
export function provisionedTopics(prefix: string): string[] {
  return ALL_TOPICS.flatMap((topic) => {
    const physical = physicalTopic(topic, prefix);
    return [physical, dlqTopic(physical)];
  });
}

/** Partitions each provisioned topic should have. */
export function plannedPartitions(options: PartitionOptions): Map<string, number> {
  const overrides = options.topicPartitionOverrides ?? {};
  return new Map(
    provisionedTopics(options.topicPrefix).map((topic) => {
      const logical = topic.slice(options.topicPrefix.length);
      const fallback = logical.endsWith(DLQ_SUFFIX) ? (options.dlqPartitions ?? options.topicPartitions) : options.topicPartitions;
      return [topic, overrides[logical] ?? fallback];
    }),
  );
}

/** Topics the broker holds with fewer partitions than planned; more than planned is fine, a topic never shrinks. */
export function shortTopics(
  plan: ReadonlyMap<string, number>,
  metadata: ReadonlyArray<{ name: string; partitions: readonly unknown[] }>,
): ShortTopic[] {
  return metadata.flatMap(({ name, partitions }) => {
    const configured = plan.get(name);
    return configured !== undefined && partitions.length < configured ? [{ topic: name, partitions: partitions.length, configured }] : [];
  });
}
