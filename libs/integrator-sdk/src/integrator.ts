import { Partitioners, type Consumer, type Kafka, type KafkaMessage, type Producer } from 'kafkajs';
import { answerRevocation, answerRotation, type RevocationOutcome, type RotationOutcome } from './answers';
import type { IntegratorRequest, IntegratorResult, RevocationRequest, RotationRequest } from './events';
import { toKafkaMessage, type ContentMode } from './kafka-message';
import { readRequest } from './read-request';
import { resultTopic, TOPICS } from './topics';
import { inRequestSpan } from './trace-context';

/** Answers sent in one Kafka request. */
const ANSWERS_PER_REQUEST = 500;

export interface IntegratorOptions {
  /** A kafkajs client for the platform's broker. */
  kafka: Kafka;
  /** Your CloudEvents source, as registered with the platform (`registerIntegrator`). */
  source: string;
  groupId: string;
  /** Providers you manage; requests for the others are left to their own integrators. Every provider when left out. */
  providers?: string[];
  /** Rotate the credential; return the outcome (or throw: the error's message becomes a failed result). */
  rotate(request: RotationRequest): Promise<RotationOutcome>;
  /** Revoke the credential; return the outcome (or throw: the error's message becomes a failed result). */
  revoke(request: RevocationRequest): Promise<RevocationOutcome>;
  /** Structured by default; binary puts the attributes in headers. */
  mode?: ContentMode;
  /** Only for side-by-side environments on one broker. */
  topicPrefix?: string;
  /** Read requests sent before the group first joined (default true: none is left unanswered). */
  fromBeginning?: boolean;
  /** Told about a message that is not a valid request (it is skipped) and about each answer sent. */
  onSkipped?(reason: string): void;
  onAnswered?(result: IntegratorResult): void;
}

export interface RunningIntegrator {
  stop(): Promise<void>;
}

async function outcomeOf<T>(work: () => Promise<T>): Promise<T | { error: string }> {
  try {
    return await work();
  } catch (error) {
    return { error: error instanceof Error ? error.message : 'the integrator failed' };
  }
}

/** Answers by requestId, oldest first: a request delivered again gets the very answer it got (same event id). */
const RECENT_ANSWERS = 10_000;

/**
 * The answer to a request, worked out once: a repeat (a redelivery, even in the
 * same batch) gets the same result, so the operation is done once and the
 * platform sees one event. Bounded: a repeat older than the last 10,000 answers
 * is worked out again, and the platform ignores it as settled.
 */
function answerOnce(
  recent: Map<string, Promise<IntegratorResult>>,
  request: IntegratorRequest,
  work: () => Promise<IntegratorResult>,
): Promise<IntegratorResult> {
  const known = recent.get(request.data.requestId);
  if (known) return known;
  const result = work();
  recent.set(request.data.requestId, result);
  if (recent.size > RECENT_ANSWERS) recent.delete(recent.keys().next().value ?? '');
  return result;
}

/** Past its deadline the platform has given up on the attempt: doing the work now would act on a stale order. */
async function unlessExpired<T>(request: IntegratorRequest, work: () => Promise<T>): Promise<T | { error: string }> {
  if (Date.parse(request.data.deadline) <= Date.now()) return { error: 'the deadline had passed; nothing was done' };
  return outcomeOf(work);
}

async function answer(
  options: IntegratorOptions,
  message: KafkaMessage,
  recent: Map<string, Promise<IntegratorResult>>,
): Promise<IntegratorResult | undefined> {
  let request: IntegratorRequest | undefined;
  try {
    request = readRequest(message);
  } catch (error) {
    options.onSkipped?.((error as Error).message);
    return undefined;
  }
  if (!request) return undefined;
  if (options.providers && !options.providers.includes(request.data.provider.toLowerCase())) return undefined;
  const answerOptions = { source: options.source };
  if (request.type === 'nhi.rotation.requested') {
    const rotation = request;
    return answerOnce(recent, rotation, () =>
      inRequestSpan(rotation, async (trace) =>
        answerRotation(rotation, await unlessExpired(rotation, () => options.rotate(rotation)), { ...answerOptions, ...trace }),
      ),
    );
  }
  const revocation = request;
  return answerOnce(recent, revocation, () =>
    inRequestSpan(revocation, async (trace) =>
      answerRevocation(revocation, await unlessExpired(revocation, () => options.revoke(revocation)), { ...answerOptions, ...trace }),
    ),
  );
}

/**
 * A batch's answers in one Kafka request, each on its results topic in the
 * batch's order: a request per answer made a burst of thousands wait on as
 * many acknowledgements one after another.
 */
async function send(producer: Producer, options: IntegratorOptions, results: readonly IntegratorResult[]): Promise<void> {
  // At most ANSWERS_PER_REQUEST a request, well under the broker's default 1 MB for a partition's records.
  for (let start = 0; start < results.length; start += ANSWERS_PER_REQUEST) {
    const chunk = results.slice(start, start + ANSWERS_PER_REQUEST);
    const byTopic = new Map<string, Array<ReturnType<typeof toKafkaMessage>>>();
    for (const result of chunk) {
      const topic = resultTopic(result.type, options.topicPrefix);
      byTopic.set(topic, [...(byTopic.get(topic) ?? []), toKafkaMessage(result, options.mode)]);
    }
    await producer.sendBatch({ acks: -1, topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })) });
    for (const result of chunk) options.onAnswered?.(result);
  }
}

/**
 * Runs an integrator: consumes rotation and revocation requests, calls your
 * `rotate`/`revoke`, and answers each on its results topic as a valid
 * CloudEvent with your source. A request past its deadline is answered as
 * failed without calling you; a repeated request gets the answer it got. A batch's offsets are committed only after its
 * answers are on Kafka: a crash repeats an answer (the platform applies it
 * once), it never loses one.
 */
export async function startIntegrator(options: IntegratorOptions): Promise<RunningIntegrator> {
  const prefix = options.topicPrefix ?? '';
  const consumer: Consumer = options.kafka.consumer({ groupId: options.groupId });
  const producer = options.kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
  await Promise.all([consumer.connect(), producer.connect()]);
  await consumer.subscribe({
    topics: [`${prefix}${TOPICS.rotationRequests}`, `${prefix}${TOPICS.revocationRequests}`],
    fromBeginning: options.fromBeginning ?? true,
  });
  const recent = new Map<string, Promise<IntegratorResult>>();
  await consumer.run({
    eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
      // A batch's requests are worked on concurrently, then its offsets are committed.
      const results = await Promise.all(batch.messages.map((message) => answer(options, message, recent)));
      await send(
        producer,
        options,
        results.filter((result): result is IntegratorResult => result !== undefined),
      );
      const last = batch.messages.at(-1);
      if (last) resolveOffset(last.offset);
      await heartbeat();
    },
  });
  return {
    async stop() {
      await consumer.disconnect();
      await producer.disconnect();
    },
  };
}
