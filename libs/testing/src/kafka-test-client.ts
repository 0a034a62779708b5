import { Kafka, logLevel, Partitioners, type Admin, type Message, type Producer } from 'kafkajs';

/**
 * Admin and a plain producer on the test broker, for what the code under test
 * must not do itself: inject raw (even malformed) messages, read committed
 * offsets, remove a run's topics afterwards.
 */
export class KafkaTestClient {
  private constructor(
    private readonly admin: Admin,
    private readonly producer: Producer,
  ) {}

  static async connect(brokers: string[]): Promise<KafkaTestClient> {
    const kafka = new Kafka({ clientId: 'test-client', brokers, logLevel: logLevel.NOTHING });
    const client = new KafkaTestClient(
      kafka.admin(),
      kafka.producer({ createPartitioner: Partitioners.DefaultPartitioner, allowAutoTopicCreation: false }),
    );
    await client.admin.connect();
    await client.producer.connect();
    return client;
  }

  /** Publishes one message as is and says where it landed. */
  async produce(topic: string, message: Message): Promise<{ partition: number; offset: string }> {
    const [metadata] = await this.producer.send({ topic, acks: -1, messages: [message] });
    if (!metadata?.baseOffset) throw new Error(`the broker did not say where the message to ${topic} landed`);
    return { partition: metadata.partition, offset: metadata.baseOffset };
  }

  /** Publishes many messages, a few hundred per request, in order per key. */
  async produceMany(topic: string, messages: Message[]): Promise<void> {
    for (let start = 0; start < messages.length; start += 500) {
      await this.producer.send({ topic, acks: -1, messages: messages.slice(start, start + 500) });
    }
  }

  /** Publishes messages of one key in one request (so they land side by side) and says where the last one landed. */
  async produceRun(topic: string, messages: Message[]): Promise<{ partition: number; offset: string }> {
    const keys = new Set(messages.map((message) => String(message.key)));
    if (keys.size !== 1) throw new Error('produceRun takes messages of one key, so that they share a partition');
    const [metadata] = await this.producer.send({ topic, acks: -1, messages });
    if (!metadata?.baseOffset) throw new Error(`the broker did not say where the messages to ${topic} landed`);
    return { partition: metadata.partition, offset: String(BigInt(metadata.baseOffset) + BigInt(messages.length - 1)) };
  }

  /** The group's committed offset for one partition: the next offset it will read, '-1' when none. */
  async committedOffset(groupId: string, topic: string, partition: number): Promise<string> {
    const [entry] = await this.admin.fetchOffsets({ groupId, topics: [topic] });
    return entry?.partitions.find((p) => p.partition === partition)?.offset ?? '-1';
  }

  /** Creates topics that a test needs and no service under test creates (the services provision their own). */
  async createTopics(topics: string[], partitions = 1): Promise<void> {
    await this.admin.createTopics({ topics: topics.map((topic) => ({ topic, numPartitions: partitions })), waitForLeaders: true });
  }

  listTopics(): Promise<string[]> {
    return this.admin.listTopics();
  }

  /** Deletes every topic whose name starts with `prefix`; returns their names. */
  async deleteTopicsWithPrefix(prefix: string): Promise<string[]> {
    const topics = (await this.admin.listTopics()).filter((topic) => topic.startsWith(prefix));
    if (topics.length > 0) await this.admin.deleteTopics({ topics });
    return topics;
  }

  /** Removes consumer groups a test created; they must have no members left. */
  async deleteGroups(groupIds: string[]): Promise<void> {
    if (groupIds.length > 0) await this.admin.deleteGroups(groupIds);
  }

  async disconnect(): Promise<void> {
    await this.producer.disconnect();
    await this.admin.disconnect();
  }
}
