import { ALL_TOPICS } from '@nhi/contracts';
import { provisionedTopics } from './topic-provisioner';

describe('provisionedTopics', () => {
  it('lists every platform topic and its dead-letter topic under the prefix', () => {
    const topics = provisionedTopics('test.x.');
    expect(topics).toHaveLength(ALL_TOPICS.length * 2);
    expect(topics).toContain('test.x.nhi.inventory.events.v1');
    expect(topics).toContain('test.x.nhi.inventory.events.v1.dlq');
    expect(topics).toContain('test.x.nhi.rotation.requests.v1.dlq');
  });

  it('uses the bare names in production', () => {
    expect(provisionedTopics('')).toContain('nhi.revocation.results.v1');
  });
});
