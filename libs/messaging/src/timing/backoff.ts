/**
 * Exponential backoff: `baseMs * 2^(attempt - 1)`, never above `capMs`.
 * `attempt` counts failures so far, starting at 1.
 */
export function retryDelayMs(attempt: number, baseMs: number, capMs: number): number {
  const exponent = Math.max(0, attempt - 1);
  // Past 2^30 the product only overflows towards Infinity; the cap wins long before.
  const delay = baseMs * 2 ** Math.min(exponent, 30);
  return Math.max(0, Math.min(delay, capMs));
}
