/**
 * kafkajs 2.2.4 re-arms a check of each connection's pending requests after
 * every check, with `throttledUntil - Date.now()` as the delay. Unthrottled,
 * that is minus the epoch in ms, which Node turns into 1 ms: every broker
 * connection of every process spins a 1 ms timer forever while idle (about
 * 40 ms of CPU a second for a producer and an admin; Node 24 also prints a
 * TimeoutNegativeWarning). Upstream: tulios/kafkajs#1751, fixes #1755/#1768,
 * unreleased. With nothing pending and no throttle there is nothing to check:
 * `push` schedules a check itself when it queues a request, and a throttle
 * with nothing pending keeps kafkajs's one timer.
 */
interface RequestQueueLike {
  pending: unknown[];
  throttledUntil: number;
  throttleCheckTimeoutId: unknown;
  scheduleCheckPendingRequests(): void;
}

const PATCHED = Symbol.for('nhi.kafkajs.idleRequestQueue');

// kafkajs has no exports map, so its internal module resolves; it ships no types for it.
const RequestQueue = require('kafkajs/src/network/requestQueue') as { prototype: RequestQueueLike & { [PATCHED]?: true } };

/** Stops the idle 1 ms loop; applied once per process, before any connection is made. */
export function stopIdleRequestQueuePolling(): void {
  const prototype = RequestQueue.prototype;
  if (prototype[PATCHED]) return;
  const schedule = prototype.scheduleCheckPendingRequests;
  prototype.scheduleCheckPendingRequests = function (this: RequestQueueLike): void {
    if (!this.throttleCheckTimeoutId && this.pending.length === 0 && this.throttledUntil <= Date.now()) return;
    schedule.call(this);
  };
  prototype[PATCHED] = true;
}

/** For the spec: the class the patch applies to. */
export function requestQueueClass(): new (options: Record<string, unknown>) => RequestQueueLike {
  return RequestQueue as unknown as new (options: Record<string, unknown>) => RequestQueueLike;
}
