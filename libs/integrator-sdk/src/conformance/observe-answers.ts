import type { Admin, Consumer, Kafka, KafkaMessage } from 'kafkajs';
import type { IntegratorResult } from '../events';
import { readEvent } from '../read-request';
import { InvalidEventError, validate } from '../validate';
import type { ObservedAnswer } from './conformance-case';

const RESULT_TYPES = new Set(['nhi.rotation.completed', 'nhi.rotation.failed', 'nhi.revocation.completed', 'nhi.revocation.failed']);

/** The requestId an answer names, read leniently so that even a broken answer is attributed to its case. */
function namedRequestId(event: unknown): string | null {
  const parsed = (event ?? {}) as { requestId?: unknown; data?: { requestId?: unknown } | null };
  const id = parsed.data?.requestId ?? parsed.requestId;
  return typeof id === 'string' ? id : null;
}

export function observe(topic: ObservedAnswer['topic'], message: KafkaMessage): ObservedAnswer {
  const base = { topic, key: message.key?.toString() ?? null, receivedAt: new Date() };
  let event: unknown;
  try {
    event = readEvent(message);
  } catch (error) {
    return { ...base, requestId: null, event: null, invalid: error instanceof InvalidEventError ? error.message : 'unreadable' };
  }
  const answer = { ...base, requestId: namedRequestId(event) };
  const type = (event as { type?: unknown } | null)?.type;
  if (typeof type !== 'string' || !RESULT_TYPES.has(type)) return { ...answer, event: null, invalid: 'an event type that is not a result' };
  const checked = validate(event);
  if (!checked.valid) return { ...answer, event: null, invalid: new InvalidEventError(checked.problems).message };
  return { ...answer, event: checked.event as IntegratorResult, invalid: null };
}

/** How long a results topic may take to appear: one just created is not always in every connection's metadata yet. */
const TOPIC_APPEARS_MS = 10_000;

/** The topic's end offsets, waiting a little for a topic the broker does not list yet, then saying which one is missing. */
export async function endsOf(admin: Admin, topic: string): Promise<Array<{ partition: number; high: string }>> {
  const deadline = Date.now() + TOPIC_APPEARS_MS;
  for (let wait = 100; ; wait = Math.min(wait * 2, 1_000)) {
    try {
      return await admin.fetchTopicOffsets(topic);
    } catch (error) {
      if ((error as { type?: unknown }).type !== 'UNKNOWN_TOPIC_OR_PARTITION') throw error;
      if (Date.now() + wait > deadline) {
        throw new Error(`the results topic ${topic} does not exist on the broker (waited ${TOPIC_APPEARS_MS / 1000} s): create it first`);
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
    }
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
  const ends = await Promise.all(Object.values(topics).map(async (topic) => ({ topic, partitions: await endsOf(admin, topic) })));
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
