import { ALL_TOPICS, TOPICS } from '@nhi/contracts';
import { plannedPartitions, shortTopics } from './topic-plan';

describe('plannedPartitions', () => {
  it('gives platform topics the default, dead-letter topics theirs, and overrides by logical name', () => {
    const plan = plannedPartitions({
      topicPrefix: 'test.x.',
      topicPartitions: 12,
      dlqPartitions: 1,
      topicPartitionOverrides: { [TOPICS.lifecycleEvents]: 24, [`${TOPICS.audit}.dlq`]: 2 },
    });
    expect(plan.size).toBe(ALL_TOPICS.length * 2);
    expect(plan.get('test.x.nhi.inventory.events.v1')).toBe(12);
    expect(plan.get('test.x.nhi.inventory.events.v1.dlq')).toBe(1);
    expect(plan.get('test.x.nhi.lifecycle.events.v1')).toBe(24);
    expect(plan.get('test.x.nhi.lifecycle.events.v1.dlq')).toBe(1);
    expect(plan.get('test.x.nhi.audit.events.v1.dlq')).toBe(2);
  });

  it('gives dead-letter topics the default when no count of their own is set', () => {
    expect(plannedPartitions({ topicPrefix: '', topicPartitions: 3 }).get('nhi.audit.events.v1.dlq')).toBe(3);
  });
});

describe('shortTopics', () => {
  const plan = new Map([
    ['a', 12],
    ['b', 12],
    ['c', 1],
  ]);
  const partitions = (count: number) => Array.from({ length: count }, (_, partitionId) => ({ partitionId }));

  it('names the topics with fewer partitions than planned, never those with as many or more', () => {
    const metadata = [
      { name: 'a', partitions: partitions(3) },
      { name: 'b', partitions: partitions(12) },
      { name: 'c', partitions: partitions(3) },
      { name: 'unplanned', partitions: partitions(1) },
    ];
    expect(shortTopics(plan, metadata)).toEqual([{ topic: 'a', partitions: 3, configured: 12 }]);
  });
});
