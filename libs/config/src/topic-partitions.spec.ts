import { ConfigError } from './config-error';
import { loadConfig } from './load-config';
import { subgraphEnvShape } from './service-config';
import { parseTopicPartitionOverrides } from './topic-partitions';

const validKey = 'k'.repeat(32);

function load(env: Record<string, string>) {
  return loadConfig('inventory', subgraphEnvShape('inventory', 4001), { ACTOR_SIGNING_KEY: validKey, ...env });
}

function problemsOf(env: Record<string, string>): string {
  try {
    load(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error('expected a ConfigError');
}

describe('topic partitions', () => {
  it('defaults to 12 per platform topic, 1 per dead-letter topic, no overrides and no growing', () => {
    expect(load({})).toMatchObject({
      KAFKA_TOPIC_PARTITIONS: 12,
      KAFKA_DLQ_PARTITIONS: 1,
      KAFKA_TOPIC_PARTITIONS_OVERRIDES: {},
      KAFKA_TOPIC_GROW_PARTITIONS: false,
    });
  });

  it('reads overrides by logical topic, a dead-letter topic included, with spaces and a trailing comma', () => {
    const config = load({
      KAFKA_TOPIC_PARTITIONS_OVERRIDES: ' nhi.lifecycle.events.v1=24, nhi.audit.events.v1 = 6,nhi.audit.events.v1.dlq=2,',
      KAFKA_TOPIC_GROW_PARTITIONS: 'true',
    });
    expect(config.KAFKA_TOPIC_PARTITIONS_OVERRIDES).toEqual({
      'nhi.lifecycle.events.v1': 24,
      'nhi.audit.events.v1': 6,
      'nhi.audit.events.v1.dlq': 2,
    });
    expect(config.KAFKA_TOPIC_GROW_PARTITIONS).toBe(true);
  });

  it('refuses an unknown topic by position, without echoing the entry', () => {
    const message = problemsOf({ KAFKA_TOPIC_PARTITIONS_OVERRIDES: 'nhi.audit.events.v1=6,test.x.nhi.lifecycle.events.v1=24' });
    expect(message).toContain('KAFKA_TOPIC_PARTITIONS_OVERRIDES: entry 2 is not topic=partitions with a platform topic');
    expect(message).toContain('without KAFKA_TOPIC_PREFIX');
    expect(message).not.toContain('test.x.');
  });

  it('refuses a bad number, naming the position and the topic but not the value', () => {
    for (const count of ['0', '-3', '2.5', 'twelve', '', 'hunter2secret']) {
      const { problems } = parseTopicPartitionOverrides(`nhi.audit.events.v1=6, nhi.lifecycle.events.v1=${count}`);
      expect(problems).toEqual([
        'entry 2 (nhi.lifecycle.events.v1) must give a whole number of partitions above 0, as in nhi.lifecycle.events.v1=24',
      ]);
    }
    expect(problemsOf({ KAFKA_TOPIC_PARTITIONS_OVERRIDES: 'nhi.audit.events.v1=s3cr3t' })).not.toContain('s3cr3t');
  });

  it('refuses an entry that is no pair at all, or a topic named twice, and reports every problem at once', () => {
    expect(
      parseTopicPartitionOverrides('sk_live_abcdef, nhi.audit.events.v1=6, nhi.audit.events.v1=8, nhi.audit.events.v1=1=2').problems,
    ).toEqual([
      expect.stringMatching(/^entry 1 is not topic=partitions/),
      'entry 3 (nhi.audit.events.v1) repeats entry 2',
      expect.stringMatching(/^entry 4 \(nhi.audit.events.v1\) must give a whole number/),
    ]);
  });

  it('refuses a dead-letter count of 0', () => {
    expect(problemsOf({ KAFKA_DLQ_PARTITIONS: '0' })).toContain('KAFKA_DLQ_PARTITIONS: expected a number above 0');
  });
});
