import { randomBytes } from 'node:crypto';
import type { KafkaMessage } from 'kafkajs';
import { checksKafka } from './kafka-offsets';

export interface ReadMessage {
  topic: string;
  partition: number;
  message: KafkaMessage;
}

/**
 * Every message on these topics, from the beginning up to their ends as they
 * are now, through a consumer group of its own that never commits and is
 * deleted afterwards. Topics that do not exist are read as empty.
 */
export async function readTopics(brokers: string[], topics: readonly string[], timeoutMs = 180_000): Promise<ReadMessage[]> {
  const kafka = checksKafka(brokers, 'nhi-chaos-checks-reader');
  const admin = kafka.admin();
  await admin.connect();
  const groupId = `nhi-chaos-checks-${randomBytes(4).toString('hex')}`;
  const consumer = kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 250, maxBytesPerPartition: 4 * 1024 * 1024 });
  try {
    const existing = new Set(await admin.listTopics());
    const wanted = topics.filter((topic) => existing.has(topic));
    /** Per partition, the end offset still to reach. */
    const remaining = new Map<string, bigint>();
    for (const topic of wanted) {
      for (const p of await admin.fetchTopicOffsets(topic)) {
        if (BigInt(p.high) > BigInt(p.low)) remaining.set(`${topic}\n${p.partition}`, BigInt(p.high));
      }
    }
    if (remaining.size === 0) return [];
    const read: ReadMessage[] = [];
    await consumer.connect();
    await consumer.subscribe({ topics: wanted, fromBeginning: true });
    const done = new Promise<void>((resolve) => {
      void consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          const key = `${batch.topic}\n${batch.partition}`;
          const end = remaining.get(key);
          if (end === undefined) return;
          for (const message of batch.messages) {
            if (BigInt(message.offset) >= end) break;
            read.push({ topic: batch.topic, partition: batch.partition, message });
          }
          const last = batch.messages[batch.messages.length - 1];
          if (last && BigInt(last.offset) + 1n >= end) remaining.delete(key);
          if (remaining.size === 0) resolve();
        },
      });
    });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => reject(new Error(`could not read ${[...remaining.keys()].map((k) => k.replace('\n', '[') + ']').join(', ')} to the end`)),
        timeoutMs,
      );
    });
    try {
      await Promise.race([done, timeout]);
    } finally {
      clearTimeout(timer);
    }
    return read;
  } finally {
    await consumer.disconnect().catch(() => undefined);
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
  }
}

/** A header's value as text (kafkajs hands them over as Buffers). */
export function headerText(message: KafkaMessage, name: string): string | null {
  const value = message.headers?.[name];
  const one = Array.isArray(value) ? value[0] : value;
  return one === undefined || one === null ? null : one.toString();
}
