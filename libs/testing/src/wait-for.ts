export interface WaitForOptions {
  timeoutMs?: number;
  intervalMs?: number;
  /** Named in the timeout error, so a failing test says what never happened. */
  what?: string;
}

/**
 * Polls `probe` until it returns something other than undefined, null or false,
 * and returns that. For effects that happen asynchronously: a consumer applying
 * an event, a relay publishing a row.
 */
export async function waitFor<T>(
  probe: () => T | undefined | null | false | Promise<T | undefined | null | false>,
  { timeoutMs = 20_000, intervalMs = 100, what = 'the condition' }: WaitForOptions = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown;
  for (;;) {
    try {
      const result = await probe();
      if (result !== undefined && result !== null && result !== false) return result;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      // Not `instanceof Error`: an error made in another realm (a child process's, under jest's VM) is an Error too.
      const message = (lastError as { message?: unknown } | undefined)?.message;
      const cause = typeof message === 'string' ? ` (last error: ${message})` : '';
      throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}${cause}`);
    }
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
