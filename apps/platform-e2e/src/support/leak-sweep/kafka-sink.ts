import { Kafka, logLevel, type Admin } from 'kafkajs';
import { KafkaTopicTap, type TappedMessage } from '@nhi/testing';

/**
 * Every topic of the run (its prefix), the dead-letter topics included, read from the beginning
 * by a consumer group of the sweep's own: keys, values and headers. The topics the sweep itself
 * writes secrets to (the integrators' results topics) are doors, not sinks, and are left out.
 */
export class KafkaSink {
  private read = 0;

  private constructor(
    private readonly admin: Admin,
    private readonly tap: KafkaTopicTap,
    readonly topics: string[],
    private readonly topicPrefix: string,
    private readonly consumerGroups: string[],
  ) {}

  static async open(brokers: string[], topicPrefix: string, excluded: string[], consumerGroups: string[]): Promise<KafkaSink> {
    const admin = new Kafka({ clientId: 'leak-sweep', brokers, logLevel: logLevel.NOTHING }).admin();
    await admin.connect();
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(topicPrefix) && !excluded.includes(topic));
    const tap = await KafkaTopicTap.start(brokers, topics);
    return new KafkaSink(admin, tap, topics, topicPrefix, consumerGroups);
  }

  /** Topics created after the sweep started (none expected): they would escape the search. */
  async unreadTopics(): Promise<string[]> {
    const now = (await this.admin.listTopics()).filter((topic) => topic.startsWith(this.topicPrefix));
    return now.filter((topic) => !this.topics.includes(topic) && !topic.includes('.results.v1'));
  }

  /** Sum of the high-water marks of every topic of the run (inputs included). */
  async highWaterMarks(): Promise<Map<string, number>> {
    const marks = new Map<string, number>();
    const topics = (await this.admin.listTopics()).filter((topic) => topic.startsWith(this.topicPrefix));
    // All topics at once: one by one, a poll over the run's ~50 topics took seconds on a loaded machine.
    const offsets = await Promise.all(topics.map((topic) => this.admin.fetchTopicOffsets(topic)));
    topics.forEach((topic, i) => (offsets[i] ?? []).forEach((p) => marks.set(`${topic}:${p.partition}`, Number(p.high))));
    return marks;
  }

  /** Messages the services' consumer groups (and the sweep's tap) have yet to read. */
  async lag(marks: Map<string, number>): Promise<number> {
    let lag = 0;
    const committedByGroup = await Promise.all(this.consumerGroups.map((groupId) => this.admin.fetchOffsets({ groupId })));
    for (const committedTopics of committedByGroup) {
      for (const { topic, partitions } of committedTopics) {
        for (const p of partitions) {
          const committed = Number(p.offset);
          if (committed >= 0) lag += Math.max(0, (marks.get(`${topic}:${p.partition}`) ?? 0) - committed);
        }
      }
    }
    const tapped = new Map<string, number>();
    for (const m of this.tap.messages) tapped.set(`${m.topic}:${m.partition}`, Number(m.offset) + 1);
    for (const topic of this.topics) {
      for (const [key, high] of marks) if (key.startsWith(`${topic}:`)) lag += Math.max(0, high - (tapped.get(key) ?? 0));
    }
    return lag;
  }

  /** Messages tapped since the last call, as texts named by logical topic and part. */
  readNew(): Array<{ where: string; text: string }> {
    const fresh = this.tap.messages.slice(this.read);
    this.read += fresh.length;
    const byPlace = new Map<string, string[]>();
    const add = (where: string, text: string | null) => text && byPlace.set(where, [...(byPlace.get(where) ?? []), text]);
    for (const m of fresh) {
      const topic = m.topic.slice(this.topicPrefix.length);
      add(`topic ${topic} (key)`, m.key);
      add(`topic ${topic} (value)`, m.value);
      add(`topic ${topic} (headers)`, headerText(m));
    }
    return [...byPlace.entries()].map(([where, texts]) => ({ where, text: texts.join('\n') }));
  }

  async close(): Promise<void> {
    await this.tap.stop();
    await this.admin.deleteGroups([this.tap.groupId]).catch(() => undefined);
    await this.admin.disconnect();
  }
}

const headerText = (m: TappedMessage): string =>
  Object.entries(m.headers)
    .map(([name, value]) => `${name}: ${value}`)
    .join('\n');
