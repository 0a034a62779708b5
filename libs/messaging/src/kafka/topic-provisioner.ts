import { Inject, Injectable, Logger } from '@nestjs/common';
import { Kafka, type Admin } from 'kafkajs';
import { MESSAGING_OPTIONS, type MessagingOptions } from '../messaging-options';
import { MESSAGING_KAFKA } from './kafka-client';
import { sleep } from '../timing/sleep';
import { plannedPartitions, shortTopics, type ShortTopic } from './topic-plan';

export { provisionedTopics } from './topic-plan';

/** How long new topics may take to get their leaders: a broker elects them in well under a second unless it is struggling. */
const LEADER_WAIT_MS = 30_000;

/**
 * Creates the platform's topics when missing. The broker refuses auto-creation,
 * so partitions and replication are always what the platform configured.
 * Existing topics with fewer partitions are only reported unless growing was
 * asked for: more partitions move keys to other partitions (ADR 0026).
 */
@Injectable()
export class TopicProvisioner {
  private readonly logger = new Logger(TopicProvisioner.name);

  constructor(
    @Inject(MESSAGING_KAFKA) private readonly kafka: Kafka,
    @Inject(MESSAGING_OPTIONS) private readonly options: MessagingOptions,
  ) {}

  /** Returns the topics it created. */
  async ensureTopics(): Promise<string[]> {
    const plan = plannedPartitions(this.options);
    const admin = this.kafka.admin();
    await admin.connect();
    try {
      const existing = new Set(await admin.listTopics());
      const missing = [...plan.keys()].filter((topic) => !existing.has(topic));
      if (missing.length > 0) await this.create(admin, missing, plan);
      await this.checkExisting(
        admin,
        plan,
        [...plan.keys()].filter((topic) => existing.has(topic)),
      );
      return missing;
    } finally {
      await admin.disconnect();
    }
  }

  private async create(admin: Admin, topics: string[], plan: ReadonlyMap<string, number>): Promise<void> {
    // Another instance may create some of them at the same moment; kafkajs treats "already exists" as success.
    // Not kafkajs's waitForLeaders: it gives up on the "unknown topic" a busy KRaft broker answers until the new
    // topic reaches its metadata, which failed starts on a loaded machine.
    await admin.createTopics({
      waitForLeaders: false,
      topics: topics.map((topic) => ({ topic, numPartitions: plan.get(topic), replicationFactor: this.options.replicationFactor })),
    });
    await this.waitForLeaders(admin, new Map(topics.map((topic) => [topic, 1])));
    this.logger.log(`Created ${topics.length} topics: ${topics.map((topic) => `${topic} (${plan.get(topic)})`).join(', ')}`);
  }

  /** The relay and the consumer start right after: each topic must show at least `partitions`, all with a leader. */
  private async waitForLeaders(admin: Admin, partitions: ReadonlyMap<string, number>): Promise<void> {
    const deadline = Date.now() + LEADER_WAIT_MS;
    for (;;) {
      const ready = await admin.fetchTopicMetadata({ topics: [...partitions.keys()] }).then(
        ({ topics }) =>
          topics.length === partitions.size &&
          topics.every(
            (topic) => topic.partitions.length >= (partitions.get(topic.name) ?? 1) && topic.partitions.every((p) => p.leader >= 0),
          ),
        () => false, // unknown topic or no leader yet: asked again below
      );
      if (ready) return;
      if (Date.now() > deadline)
        throw new Error(`topics still lacked partitions or leaders after ${LEADER_WAIT_MS} ms: ${[...partitions.keys()].join(', ')}`);
      await sleep(100);
    }
  }

  private async checkExisting(admin: Admin, plan: ReadonlyMap<string, number>, topics: string[]): Promise<void> {
    if (topics.length === 0) return;
    const short = shortTopics(plan, (await admin.fetchTopicMetadata({ topics })).topics);
    if (short.length === 0) return;
    if (this.options.growPartitions) {
      for (const topic of short) await this.grow(admin, topic);
      return;
    }
    // One line for all of them: an older deployment has ten such topics, and every instance starts with this.
    this.logger.warn(
      `Topics with fewer partitions than configured, left as they are (no more instances share a topic than it has partitions): ` +
        `${short.map(({ topic, partitions, configured }) => `${topic} has ${partitions} partitions, ${configured} configured`).join('; ')}. ` +
        'Adding partitions moves keys to other partitions, so events of one key still in flight would be applied out of order. ' +
        'To grow them: stop what produces to them, let every consumer catch up, then start one instance with ' +
        'KAFKA_TOPIC_GROW_PARTITIONS=true (docs/adr/0026-topic-partitions-and-replicas.md).',
    );
  }

  private async grow(admin: Admin, { topic, partitions, configured }: ShortTopic): Promise<void> {
    let grewIt = true;
    try {
      await admin.createPartitions({ topicPartitions: [{ topic, count: configured }] });
    } catch (error) {
      // The broker refuses a count that is not above the current one: another instance grew it first.
      if ((error as { type?: string }).type !== 'INVALID_PARTITIONS') throw error;
      grewIt = false;
    }
    await this.waitForLeaders(admin, new Map([[topic, configured]]));
    if (grewIt)
      this.logger.warn(
        `Grew ${topic} from ${partitions} to ${configured} partitions (KAFKA_TOPIC_GROW_PARTITIONS): its keys map to partitions anew`,
      );
  }
}
