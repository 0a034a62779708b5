import { ALL_TOPICS, dlqTopic } from '@nhi/contracts';
import { z } from './env-schema';

/** Sized for replicas: up to 12 instances of a service share each topic it reads (ADR 0026). */
export const DEFAULT_TOPIC_PARTITIONS = 12;
/** Nothing consumes a dead-letter topic in a group; one partition keeps its failures in the order they happened. */
export const DEFAULT_DLQ_PARTITIONS = 1;

const OVERRIDABLE_TOPICS: ReadonlySet<string> = new Set(ALL_TOPICS.flatMap((topic) => [topic, dlqTopic(topic)]));

export interface TopicPartitionOverrides {
  overrides: Record<string, number>;
  problems: string[];
}

/**
 * Reads "nhi.lifecycle.events.v1=24,nhi.audit.events.v1=6". A problem names the
 * entry's position and, once it is known to be one, the topic, never the rest of
 * the entry: a value pasted into the wrong variable may be a secret.
 */
export function parseTopicPartitionOverrides(text: string): TopicPartitionOverrides {
  const overrides: Record<string, number> = {};
  const problems: string[] = [];
  const firstSeen = new Map<string, number>();
  text.split(',').forEach((raw, index) => {
    const entry = raw.trim();
    if (entry === '') return; // a trailing comma is harmless
    const position = index + 1;
    const [topic = '', count, ...rest] = entry.split('=').map((part) => part.trim());
    if (!OVERRIDABLE_TOPICS.has(topic)) {
      problems.push(
        `entry ${position} is not topic=partitions with a platform topic (or its .dlq) named without KAFKA_TOPIC_PREFIX, one of ${ALL_TOPICS.join(', ')}`,
      );
    } else if (rest.length > 0 || !/^\d+$/.test(count ?? '') || Number(count) < 1) {
      problems.push(`entry ${position} (${topic}) must give a whole number of partitions above 0, as in ${topic}=24`);
    } else if (firstSeen.has(topic)) {
      problems.push(`entry ${position} (${topic}) repeats entry ${firstSeen.get(topic)}`);
    } else {
      firstSeen.set(topic, position);
      overrides[topic] = Number(count);
    }
  });
  return { overrides, problems };
}

/** The environment variable: per-topic partitions by logical topic name; every problem is reported, not just the first. */
export function topicPartitionOverrides() {
  return z
    .string()
    .default('')
    .transform((text, context) => {
      const { overrides, problems } = parseTopicPartitionOverrides(text);
      for (const message of problems) context.addIssue({ code: 'custom', message });
      return problems.length > 0 ? z.NEVER : overrides;
    });
}
