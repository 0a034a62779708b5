import { Kafka, type Consumer, type KafkaMessage } from 'kafkajs';
import { ContractViolationError, readKafkaEvent } from '@nhi/contracts';
import type { ObservedAnswer } from './conformance-case';

const RESULT_TYPES = new Set(['nhi.rotation.completed', 'nhi.rotation.failed', 'nhi.revocation.completed', 'nhi.revocation.failed']);

/** The requestId an answer names, read leniently so that even a broken answer is attributed to its case. */
function namedRequestId(message: KafkaMessage): string | null {
  try {
    const parsed = JSON.parse(message.value?.toString() ?? '') as { requestId?: unknown; data?: { requestId?: unknown } };
    const id = parsed.data?.requestId ?? parsed.requestId;
    return typeof id === 'string' ? id : null;
  } catch {
    return null;
  }
}

export function observe(topic: ObservedAnswer['topic'], message: KafkaMessage): ObservedAnswer {
  const base = { topic, key: message.key?.toString() ?? null, receivedAt: new Date(), requestId: namedRequestId(message) };
  try {
    const event = readKafkaEvent(message);
    if (!RESULT_TYPES.has(event.type)) return { ...base, event: null, invalid: 'an event type that is not a result' };
    return { ...base, event, invalid: null };
  } catch (error) {
    return { ...base, event: null, invalid: error instanceof ContractViolationError ? error.message : 'unreadable' };
  }
}

/**
 * Reads the results topics from their current end: a fresh group, positioned at
 * the offsets taken before any request is sent, so no answer is missed and no
 * earlier traffic is read.
 */
export async function startObserving(
  kafka: Kafka,
  topics: { rotation: string; revocation: string },
  onAnswer: (answer: ObservedAnswer) => void,
): Promise<Consumer> {
  const admin = kafka.admin();
  await admin.connect();
  const ends = await Promise.all(Object.values(topics).map(async (topic) => ({ topic, partitions: await admin.fetchTopicOffsets(topic) })));
  await admin.disconnect();
  const consumer = kafka.consumer({ groupId: `nhi-integrator-conformance-${Date.now()}-${process.pid}` });
  await consumer.connect();
  await consumer.subscribe({ topics: Object.values(topics), fromBeginning: false });
  const joined = new Promise<void>((resolve) => consumer.on(consumer.events.GROUP_JOIN, () => resolve()));
  await consumer.run({
    eachMessage: async ({ topic, message }) => onAnswer(observe(topic === topics.rotation ? 'rotation' : 'revocation', message)),
  });
  for (const { topic, partitions } of ends) {
    for (const { partition, high } of partitions) consumer.seek({ topic, partition, offset: high });
  }
  await joined;
  return consumer;
}
