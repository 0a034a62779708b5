import { Consumer, Kafka, logLevel, Partitioners, Producer } from 'kafkajs';
import {
  CLOUDEVENTS_CONTENT_TYPE,
  createEvent,
  parseEvent,
  physicalTopic,
  serializeEvent,
  timeOrderedUuid,
  TOPICS,
  type NhiEvent,
} from '@nhi/contracts';
import { answer } from './answer';

const RECENT_ANSWERS = 10_000;
import type { IntegratorConfig } from './integrator-config';

type Request = NhiEvent<'nhi.rotation.requested'> | NhiEvent<'nhi.revocation.requested'>;

export interface IntegratorLog {
  info(message: string): void;
  warn(message: string): void;
}

/**
 * A connector for a simulated secret manager, built the way an integrator
 * would build one against the public contract (DESIGN.md): consume requests
 * from nhi.rotation.requests.v1 and nhi.revocation.requests.v1, act on those
 * for its providers, and answer on the results topics with the request's id.
 * Offsets are committed only after the answer is on Kafka, so a crash means a
 * repeated answer (which the platform ignores), never a lost one.
 */
export class ReferenceIntegrator {
  private readonly consumer: Consumer;
  private readonly producer: Producer;
  private readonly topics: { requests: string[]; rotationResults: string; revocationResults: string };
  answered = 0;
  /** Answers by requestId, oldest first. */
  private readonly recent = new Map<string, string>();

  constructor(
    private readonly config: IntegratorConfig,
    private readonly log: IntegratorLog,
  ) {
    const kafka = new Kafka({ clientId: 'reference-integrator', brokers: config.KAFKA_BROKERS, logLevel: logLevel.WARN });
    this.consumer = kafka.consumer({ groupId: config.KAFKA_GROUP_ID });
    this.producer = kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false });
    const topic = (name: string) => physicalTopic(name, config.KAFKA_TOPIC_PREFIX);
    this.topics = {
      requests: [topic(TOPICS.rotationRequests), topic(TOPICS.revocationRequests)],
      rotationResults: topic(TOPICS.rotationResults),
      revocationResults: topic(TOPICS.revocationResults),
    };
  }

  async start(): Promise<void> {
    await Promise.all([this.consumer.connect(), this.producer.connect()]);
    // A new group starts from the beginning: a request sent before this connector first joined is still answered.
    await this.consumer.subscribe({ topics: this.topics.requests, fromBeginning: true });
    await this.consumer.run({
      // A batch is answered concurrently (each request waits its own latency), then committed.
      eachBatch: async ({ batch, resolveOffset, heartbeat }) => {
        await Promise.all(batch.messages.map((message) => this.handle(message.value)));
        const last = batch.messages.at(-1);
        if (last) resolveOffset(last.offset);
        await heartbeat();
      },
    });
    this.log.info(`answering ${this.topics.requests.join(', ')} for providers ${this.config.INTEGRATOR_PROVIDERS.join(', ')}`);
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
    await this.producer.disconnect();
  }

  private async handle(value: Buffer | null): Promise<void> {
    let request: Request;
    try {
      const event = parseEvent(value);
      if (event.type !== 'nhi.rotation.requested' && event.type !== 'nhi.revocation.requested') return;
      request = event as Request;
    } catch (error) {
      this.log.warn(`skipped a request that is not a valid event: ${(error as Error).message}`);
      return;
    }
    if (!this.config.INTEGRATOR_PROVIDERS.includes(request.data.provider.toLowerCase())) return;
    if (this.config.INTEGRATOR_LATENCY_MS > 0) await new Promise((resolve) => setTimeout(resolve, this.config.INTEGRATOR_LATENCY_MS));
    // A request delivered again gets the very answer it got before (same event id): the operation is done once.
    const answerValue = this.recent.get(request.data.requestId) ?? this.answerOnce(request);
    await this.producer.send({
      topic: request.type === 'nhi.rotation.requested' ? this.topics.rotationResults : this.topics.revocationResults,
      acks: -1,
      messages: [{ key: request.data.nhiId, value: answerValue, headers: { 'content-type': CLOUDEVENTS_CONTENT_TYPE } }],
    });
    this.answered += 1;
  }

  private answerOnce(request: Request): string {
    const result = answer(request, this.config.INTEGRATOR_FAILURE_RATE, new Date());
    const event = createEvent({
      id: timeOrderedUuid(),
      source: 'reference-integrator',
      subject: request.data.nhiId,
      ...result,
    } as Parameters<typeof createEvent>[0]);
    const value = serializeEvent(event);
    this.recent.set(request.data.requestId, value);
    // Bounded memory: a repeat older than this many answers gets a new answer, which the platform ignores as settled.
    if (this.recent.size > RECENT_ANSWERS) this.recent.delete(this.recent.keys().next().value ?? '');
    return value;
  }
}
