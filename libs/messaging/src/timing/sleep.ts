import { setTimeout as delay } from 'node:timers/promises';

/** Kafka wants a heartbeat well inside the session timeout; one a second is plenty and cheap. */
const HEARTBEAT_EVERY_MS = 1_000;

/** Waits `ms`; rejects with the signal's AbortError as soon as `signal` aborts (shutdown). */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  await delay(ms, undefined, { signal });
}

/**
 * Waits `ms` while a consumer keeps its group membership: a long backoff must
 * not make the broker think the member died and rebalance its partitions away.
 */
export async function sleepWithHeartbeat(ms: number, heartbeat: () => Promise<void>, signal?: AbortSignal): Promise<void> {
  let remaining = ms;
  while (remaining > 0) {
    const slice = Math.min(remaining, HEARTBEAT_EVERY_MS);
    await sleep(slice, signal);
    remaining -= slice;
    await heartbeat();
  }
}
