import { inboxConsumerName, nextOffset, subscribedTopics } from './subscription';

describe('subscribedTopics', () => {
  it('maps event types to their prefixed topics, once per topic', () => {
    expect(subscribedTopics(['nhi.rotation.completed', 'nhi.rotation.failed', 'nhi.identity.discovered'], 'p.')).toEqual([
      'p.nhi.rotation.results.v1',
      'p.nhi.inventory.events.v1',
    ]);
  });

  it('subscribes to nothing without handlers', () => {
    expect(subscribedTopics([], '')).toEqual([]);
  });
});

describe('nextOffset', () => {
  it('commits the offset after the processed message, beyond 2^53 too', () => {
    expect(nextOffset('0')).toBe('1');
    expect(nextOffset('9007199254740993')).toBe('9007199254740994');
  });
});

describe('inboxConsumerName', () => {
  it('qualifies the handler with the consumer group', () => {
    expect(inboxConsumerName('ownership', 'InventoryEventsHandler.onIdentityRegistered')).toBe(
      'ownership:InventoryEventsHandler.onIdentityRegistered',
    );
  });
});
