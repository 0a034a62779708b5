import { backlogSize } from './outbox-backlog';

describe('backlogSize', () => {
  it('is the count while the count stays under the cap', () => {
    expect(backlogSize(0, null, '17')).toBe(0);
    expect(backlogSize(42, '100', '5000', 1_000)).toBe(42);
  });

  it('past the cap, is the span from the relay head to the last sequence number', () => {
    expect(backlogSize(1_000, '101', '250100', 1_000)).toBe(250_000);
  });

  it('never reads below what was counted, even when gaps make the span shorter', () => {
    expect(backlogSize(1_000, '101', '600', 1_000)).toBe(1_000);
  });

  it('handles sequence numbers past 2^53 without losing the difference', () => {
    expect(backlogSize(10, '9007199254740993', '9007199254750992', 10)).toBe(10_000);
  });
});
