import { retryDelayMs } from './backoff';

describe('retryDelayMs', () => {
  it('doubles from the base for each failure', () => {
    expect([1, 2, 3, 4].map((attempt) => retryDelayMs(attempt, 100, 60_000))).toEqual([100, 200, 400, 800]);
  });

  it('never exceeds the cap, even after very many failures', () => {
    expect(retryDelayMs(12, 100, 5_000)).toBe(5_000);
    expect(retryDelayMs(10_000, 100, 5_000)).toBe(5_000);
  });

  it('treats attempt 0 like the first failure and a zero base as no wait', () => {
    expect(retryDelayMs(0, 250, 1_000)).toBe(250);
    expect(retryDelayMs(5, 0, 1_000)).toBe(0);
  });
});
