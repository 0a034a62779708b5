/** A rotation or revocation attempt as rotationRequest / revocationRequest give it (the fields a stream reads). */
export interface RequestProgress {
  id: string;
  status: string;
  requestedAt: string;
  deadline: string;
  nextAttemptAt: string | null;
  retriedAt: string | null;
  [field: string]: unknown;
}

/** What one poll gave: the request, none with that id, or an error the client can read (never a value it sent). */
export type PollResult = { request: RequestProgress } | { missing: true } | { error: { message: string; code: string } };

export interface StreamSink {
  event(name: 'progress' | 'done' | 'error' | 'timeout', data: unknown): void;
  comment(text: string): void;
  end(): void;
}

export interface StreamClock {
  now(): number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

const FIRST_MINUTE_MS = 60_000;
const FAST_POLL_MS = 2_000;
const SLOWEST_POLL_MS = 30_000;
const HEARTBEAT_MS = 15_000;
/** A stream ends after this even while the attempt runs: a client that still wants it opens another. */
export const MAX_STREAM_MS = 30 * 60_000;

/** Whether the attempt will not change any more: done, failed or timed out with no attempt left, or superseded by a retry. */
export function isSettled(request: RequestProgress): boolean {
  if (request.status === 'COMPLETED' || request.retriedAt) return true;
  return (request.status === 'FAILED' || request.status === 'TIMED_OUT') && !request.nextAttemptAt;
}

/**
 * The wait before the next poll, as the queries' descriptions advise clients: every 2 s in the first minute
 * after the request, then twice the last wait, at most 30 s.
 */
export function nextPollMs(request: RequestProgress, now: number, lastMs: number): number {
  if (now - Date.parse(request.requestedAt) < FIRST_MINUTE_MS) return FAST_POLL_MS;
  return Math.min(Math.max(lastMs, FAST_POLL_MS) * 2, SLOWEST_POLL_MS);
}

/**
 * Streams one attempt's progress: its state now, each change, and `done` when it settles. The gateway polls
 * for the client (through its own GraphQL executor, as the client's actor), so a portal holds one connection
 * instead of polling (docs/adr/0039). Errors end the stream with an `error` event; `signal` ends it when the
 * client goes away.
 */
export async function streamProgress(
  first: RequestProgress,
  poll: () => Promise<PollResult>,
  sink: StreamSink,
  clock: StreamClock,
  signal: AbortSignal,
): Promise<void> {
  const started = clock.now();
  let lastWrite = started;
  const send = (name: Parameters<StreamSink['event']>[0], data: unknown) => {
    sink.event(name, data);
    lastWrite = clock.now();
  };
  // Waits, with a comment line at least every 15 s so that proxies do not close a quiet connection.
  const pause = async (ms: number) => {
    const until = clock.now() + ms;
    while (!signal.aborted && clock.now() < until) {
      await clock.sleep(Math.min(until - clock.now(), HEARTBEAT_MS), signal);
      if (clock.now() - lastWrite >= HEARTBEAT_MS) {
        sink.comment('keep-alive');
        lastWrite = clock.now();
      }
    }
  };
  let current = first;
  let seen = JSON.stringify(first);
  let waitMs = FAST_POLL_MS;
  try {
    send(isSettled(current) ? 'done' : 'progress', current);
    while (!isSettled(current)) {
      if (clock.now() - started >= MAX_STREAM_MS) {
        send('timeout', { message: 'the stream ends after 30 minutes; open another to keep following the request' });
        return;
      }
      waitMs = nextPollMs(current, clock.now(), waitMs);
      await pause(waitMs);
      if (signal.aborted) return;
      const result = await poll();
      if ('error' in result) return send('error', result.error);
      if ('missing' in result) return send('error', { message: 'the request is no longer there', code: 'NOT_FOUND' });
      current = result.request;
      const state = JSON.stringify(current);
      if (state !== seen) {
        seen = state;
        send(isSettled(current) ? 'done' : 'progress', current);
      }
    }
  } finally {
    sink.end();
  }
}
