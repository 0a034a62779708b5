import type { Logger } from '@nestjs/common';
import { describeError } from '../describe-error';
import { retryDelayMs } from '../timing/backoff';

/** How long a starting service waits for a broker that does not answer (restarting, or not up yet). */
export const BROKER_WAIT_MS = 180_000;
const RETRY_BASE_MS = 1_000;
const RETRY_CAP_MS = 10_000;

/** kafkajs wraps an unreachable broker in several errors; any of them in the chain means "not reachable yet". */
export function brokerUnreachable(error: unknown): boolean {
  for (let current = error, depth = 0; current instanceof Error && depth < 5; depth += 1) {
    if (/KafkaJSConnectionError|KafkaJSBrokerNotFound|KafkaJSConnectionClosedError|KafkaJSRequestTimeoutError/.test(current.name))
      return true;
    if (/ECONNREFUSED|ECONNRESET|Connection error|Failed to connect to seed broker/.test(current.message)) return true;
    current = (current as { cause?: unknown; originalError?: unknown }).cause ?? (current as { originalError?: unknown }).originalError;
  }
  return false;
}

/**
 * Runs a start-up step that needs the broker, again with backoff while the
 * broker cannot be reached, for up to BROKER_WAIT_MS: a replica started during
 * a broker restart waits for it instead of exiting. Any other error fails at once.
 */
export async function untilBrokerAnswers<T>(what: string, step: () => Promise<T>, logger: Logger, waitMs = BROKER_WAIT_MS): Promise<T> {
  const started = Date.now();
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await step();
    } catch (error) {
      if (!brokerUnreachable(error) || Date.now() - started >= waitMs) throw error;
      const delay = retryDelayMs(attempt, RETRY_BASE_MS, RETRY_CAP_MS);
      logger.warn(`${what}: the broker cannot be reached (${describeError(error).message}); trying again in ${delay} ms`);
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}
