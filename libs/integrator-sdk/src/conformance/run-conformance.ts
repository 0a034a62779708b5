import { Kafka, logLevel, Partitioners, type Producer } from 'kafkajs';
import { kafkaSecurityFromEnvironment, type KafkaSecurityOptions } from '../kafka-security';
import { TOPICS } from '../topics';
import type { CheckResult, ConformanceCase, ObservedAnswer } from './conformance-case';
import { checkCase, strayCheck } from './conformance-checks';
import { conformanceCases } from './conformance-cases';
import { startObserving } from './observe-answers';
import { platformRequest } from './platform-request';

export interface ConformanceOptions {
  brokers: string[];
  /** The provider the integrator under test answers for. */
  provider: string;
  /** Only for test environments whose topics carry a prefix. */
  topicPrefix?: string;
  /** How long to wait for answers. */
  waitSeconds?: number;
  /** TLS and SASL for the brokers; read from KAFKA_SSL, KAFKA_SASL_MECHANISM ... when left out. */
  security?: KafkaSecurityOptions;
}

/** Sends a case's request as the platform does, `copies` times with one event id (a redelivery). */
async function send(producer: Producer, testCase: ConformanceCase, prefix: string): Promise<void> {
  const { topic, ...message } = platformRequest(testCase, prefix);
  await producer.send({ topic, acks: -1, messages: Array.from({ length: testCase.copies }, () => message) });
}

/** Waits until every case that expects an answer has one, then a little longer for repeats and strays. */
async function settle(cases: readonly ConformanceCase[], answers: readonly ObservedAnswer[], waitSeconds: number): Promise<void> {
  const deadline = Date.now() + waitSeconds * 1000;
  const waiting = cases.filter((c) => c.expect === 'an answer' || c.expect === 'a failure with an error');
  while (Date.now() < deadline && !waiting.every((c) => answers.some((a) => a.requestId === c.data.requestId))) {
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  await new Promise((resolve) => setTimeout(resolve, Math.min(3000, Math.max(0, deadline - Date.now()))));
}

/**
 * Plays the platform against an integrator: sends the conformance cases on the
 * request topics and checks what comes back on the results topics.
 */
export async function runConformance(options: ConformanceOptions): Promise<CheckResult[]> {
  const prefix = options.topicPrefix ?? '';
  const waitSeconds = options.waitSeconds ?? 20;
  const security = options.security ?? kafkaSecurityFromEnvironment();
  const kafka = new Kafka({ clientId: 'nhi-integrator-conformance', brokers: options.brokers, logLevel: logLevel.NOTHING, ...security });
  const answers: ObservedAnswer[] = [];
  const consumer = await startObserving(
    kafka,
    { rotation: `${prefix}${TOPICS.rotationResults}`, revocation: `${prefix}${TOPICS.revocationResults}` },
    (answer) => answers.push(answer),
  );
  const producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
  try {
    await producer.connect();
    const cases = conformanceCases(options.provider);
    for (const testCase of cases) await send(producer, testCase, prefix);
    await settle(cases, answers, waitSeconds);
    const ours = new Set(cases.map((c) => c.data.requestId));
    const results = cases.flatMap((c) =>
      checkCase(
        c,
        answers.filter((a) => a.requestId === c.data.requestId),
        waitSeconds,
      ),
    );
    return [...results, strayCheck(answers.filter((a) => a.requestId === null || !ours.has(a.requestId) || a.event === null))];
  } finally {
    await Promise.allSettled([producer.disconnect(), consumer.disconnect()]);
  }
}
