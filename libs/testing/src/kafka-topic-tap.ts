import { randomBytes } from 'node:crypto';
import { Kafka, logLevel, type Consumer, type IHeaders } from 'kafkajs';
import { waitFor } from './wait-for';

export interface TappedMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  value: string | null;
  headers: Record<string, string>;
}

function headerStrings(headers: IHeaders | undefined): Record<string, string> {
  return Object.fromEntries(
    Object.entries(headers ?? {}).map(([name, value]) => [name, Array.isArray(value) ? value.join(',') : String(value ?? '')]),
  );
}

/**
 * Records everything published to some topics, read by a consumer group of its
 * own from the beginning: what a test asserts that the broker really holds.
 */
export class KafkaTopicTap {
  readonly messages: TappedMessage[] = [];

  private constructor(
    private readonly consumer: Consumer,
    /** Delete it with KafkaTestClient.deleteGroups after stop(). */
    readonly groupId: string,
  ) {}

  static async start(brokers: string[], topics: string[]): Promise<KafkaTopicTap> {
    const kafka = new Kafka({ clientId: 'test-tap', brokers, logLevel: logLevel.NOTHING });
    const groupId = `test-tap-${randomBytes(4).toString('hex')}`;
    const consumer = kafka.consumer({ groupId });
    const tap = new KafkaTopicTap(consumer, groupId);
    await consumer.connect();
    await consumer.subscribe({ topics, fromBeginning: true });
    // run() resolves once the group is joined, so nothing published afterwards is missed.
    await consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        tap.messages.push({
          topic,
          partition,
          offset: message.offset,
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers: headerStrings(message.headers),
        });
      },
    });
    return tap;
  }

  on(topic: string): TappedMessage[] {
    return this.messages.filter((message) => message.topic === topic);
  }

  /** The CloudEvents seen on a topic with this key (an identity id), parsed, oldest first. */
  eventsAbout<D = Record<string, unknown>>(topic: string, key: string): Array<{ type: string; data: D }> {
    return this.on(topic)
      .filter((message) => message.key === key)
      .map((message) => JSON.parse(message.value ?? '{}') as { type: string; data: D });
  }

  waitFor(predicate: (message: TappedMessage) => boolean, what = 'a matching Kafka message', timeoutMs = 20_000) {
    return waitFor(() => this.messages.find(predicate), { what, timeoutMs });
  }

  async stop(): Promise<void> {
    await this.consumer.disconnect();
  }
}
