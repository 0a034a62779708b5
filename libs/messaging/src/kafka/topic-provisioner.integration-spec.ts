import { Logger } from '@nestjs/common';
import { Kafka, logLevel, type Admin } from 'kafkajs';
import { ALL_TOPICS, dlqTopic, physicalTopic, TOPICS } from '@nhi/contracts';
import { loadConfig, subgraphEnvShape } from '@nhi/config';
import { KafkaTestClient, testKafkaBrokers, uniqueTopicPrefix, waitFor } from '@nhi/testing';
import type { MessagingOptions } from '../messaging-options';
import { TopicProvisioner } from './topic-provisioner';

const brokers = testKafkaBrokers();
const prefixes: string[] = [];
let kafka: Kafka;
let admin: Admin;
let testClient: KafkaTestClient;

/** Options as the runtime builds them from a subgraph's environment. */
function optionsFrom(env: Record<string, string>): MessagingOptions {
  const config = loadConfig('partitions-test', subgraphEnvShape('partitions-test', 0), { ACTOR_SIGNING_KEY: 'k'.repeat(32), ...env });
  return {
    serviceName: 'partitions-test',
    brokers,
    clientId: 'partitions-test',
    groupId: 'partitions-test',
    topicPrefix: config.KAFKA_TOPIC_PREFIX,
    topicPartitions: config.KAFKA_TOPIC_PARTITIONS,
    topicPartitionOverrides: config.KAFKA_TOPIC_PARTITIONS_OVERRIDES,
    dlqPartitions: config.KAFKA_DLQ_PARTITIONS,
    growPartitions: config.KAFKA_TOPIC_GROW_PARTITIONS,
    replicationFactor: config.KAFKA_REPLICATION_FACTOR,
    outboxPollIntervalMs: 1_000,
    outboxRetentionHours: 24,
    consumerMaxAttempts: 1,
    consumerRetryBaseMs: 10,
    consumerRunSize: 10,
  };
}

function newPrefix(label: string): string {
  const prefix = uniqueTopicPrefix(`partitions-${label}`);
  prefixes.push(prefix);
  return prefix;
}

/** A topic as an older release (or an operator) left it; kafkajs's waitForLeaders gives up on a busy broker's "unknown topic". */
async function createExisting(topic: string, partitions: number): Promise<void> {
  await admin.createTopics({ topics: [{ topic, numPartitions: partitions }], waitForLeaders: false });
  await waitFor(async () => (await partitionCounts([topic]))[topic] === partitions, { what: `${topic} to have ${partitions} partitions` });
}

async function partitionCounts(topics: string[]): Promise<Record<string, number>> {
  const { topics: metadata } = await admin.fetchTopicMetadata({ topics });
  return Object.fromEntries(metadata.map(({ name, partitions }) => [name, partitions.length]));
}

function provision(env: Record<string, string>): Promise<string[]> {
  return new TopicProvisioner(kafka, optionsFrom(env)).ensureTopics();
}

beforeAll(async () => {
  // Retries set as the service sets them: under NODE_ENV=test kafkajs would not retry a topic whose leader is still being elected.
  kafka = new Kafka({ clientId: 'partitions-test', brokers, logLevel: logLevel.NOTHING, retry: { initialRetryTime: 100, retries: 8 } });
  admin = kafka.admin();
  await admin.connect();
  testClient = await KafkaTestClient.connect(brokers);
});

afterAll(async () => {
  for (const prefix of prefixes) await testClient?.deleteTopicsWithPrefix(prefix);
  await testClient?.disconnect();
  await admin?.disconnect();
});

let warn: jest.SpyInstance;
beforeEach(() => {
  warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
  jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
});
afterEach(() => jest.restoreAllMocks());

describe('TopicProvisioner partitions', () => {
  it('creates the platform topics with the defaults, dead-letter topics smaller, and the overrides', async () => {
    const prefix = newPrefix('defaults');
    const overrides = `${TOPICS.lifecycleEvents}=24, ${TOPICS.audit}=6,${dlqTopic(TOPICS.audit)}=2`;

    const created = await provision({ KAFKA_TOPIC_PREFIX: prefix, KAFKA_TOPIC_PARTITIONS_OVERRIDES: overrides });

    const expected: Record<string, number> = {};
    for (const topic of ALL_TOPICS) {
      expected[physicalTopic(topic, prefix)] = 12;
      expected[physicalTopic(dlqTopic(topic), prefix)] = 1;
    }
    Object.assign(expected, {
      [physicalTopic(TOPICS.lifecycleEvents, prefix)]: 24,
      [physicalTopic(TOPICS.audit, prefix)]: 6,
      [physicalTopic(dlqTopic(TOPICS.audit), prefix)]: 2,
    });
    expect(created.sort()).toEqual(Object.keys(expected).sort());
    expect(await partitionCounts(created)).toEqual(expected);
    expect(warn).not.toHaveBeenCalled();
  });

  it('warns about an existing topic with fewer partitions and leaves it alone; grows it only when asked', async () => {
    const prefix = newPrefix('grow');
    const inventory = physicalTopic(TOPICS.inventoryEvents, prefix);
    await createExisting(inventory, 2);
    const env = { KAFKA_TOPIC_PREFIX: prefix, KAFKA_TOPIC_PARTITIONS: '4' };

    expect(await provision(env)).not.toContain(inventory);
    expect(await partitionCounts([inventory])).toEqual({ [inventory]: 2 });
    expect(warn).toHaveBeenCalledTimes(1);
    const [warning] = warn.mock.calls[0] as [string];
    expect(warning).toContain('Topics with fewer partitions than configured, left as they are');
    expect(warning).toContain(`${inventory} has 2 partitions, 4 configured.`);
    expect(warning).toContain('KAFKA_TOPIC_GROW_PARTITIONS=true');
    expect(warning).toMatch(/out of order/);

    warn.mockClear();
    // Two instances growing at once: the broker refuses the second request, and both start.
    const grow = { ...env, KAFKA_TOPIC_GROW_PARTITIONS: 'true' };
    await Promise.all([provision(grow), provision(grow)]);
    expect(await partitionCounts([inventory])).toEqual({ [inventory]: 4 });
    expect(warn.mock.calls.map(([message]) => String(message))).toContainEqual(
      `Grew ${inventory} from 2 to 4 partitions (KAFKA_TOPIC_GROW_PARTITIONS): its keys map to partitions anew`,
    );

    warn.mockClear();
    await provision(grow);
    expect(warn).not.toHaveBeenCalled();
  });

  it('never shrinks a topic that has more partitions than configured, and says nothing about it', async () => {
    const prefix = newPrefix('shrink');
    const audit = physicalTopic(TOPICS.audit, prefix);
    await createExisting(audit, 5);

    await provision({ KAFKA_TOPIC_PREFIX: prefix, KAFKA_TOPIC_PARTITIONS: '2', KAFKA_TOPIC_GROW_PARTITIONS: 'true' });

    expect(await partitionCounts([audit])).toEqual({ [audit]: 5 });
    expect(warn).not.toHaveBeenCalled();
  });
});
