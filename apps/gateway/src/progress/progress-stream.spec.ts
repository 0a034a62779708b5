import { isSettled, MAX_STREAM_MS, nextPollMs, type PollResult, type RequestProgress, streamProgress } from './progress-stream';

const T0 = Date.parse('2026-12-05T10:00:00.000Z');

function request(overrides: Partial<RequestProgress> = {}): RequestProgress {
  return {
    id: 'r1',
    status: 'REQUESTED',
    requestedAt: new Date(T0).toISOString(),
    deadline: new Date(T0 + 600_000).toISOString(),
    nextAttemptAt: null,
    retriedAt: null,
    ...overrides,
  };
}

/** A clock that moves only when the stream sleeps, and a sink that records what was written. */
function harness(results: PollResult[]) {
  let now = T0;
  const written: string[] = [];
  const polls: number[] = [];
  const clock = {
    now: () => now,
    sleep: async (ms: number) => {
      now += ms;
    },
  };
  const sink = {
    event: (name: string, data: unknown) => written.push(`${name} ${(data as { status?: string }).status ?? JSON.stringify(data)}`),
    comment: () => written.push('keep-alive'),
    end: () => written.push('end'),
  };
  const poll = async () => {
    polls.push(now - T0);
    return results.shift() ?? { request: request() };
  };
  return { clock, sink, poll, written, polls };
}

describe('isSettled and nextPollMs', () => {
  it('treats completion, a final failure or timeout, and a retry as settled, and a failure with a retry due as not', () => {
    expect(isSettled(request({ status: 'COMPLETED' }))).toBe(true);
    expect(isSettled(request({ status: 'FAILED' }))).toBe(true);
    expect(isSettled(request({ status: 'TIMED_OUT' }))).toBe(true);
    expect(isSettled(request({ status: 'FAILED', nextAttemptAt: new Date(T0).toISOString() }))).toBe(false);
    expect(isSettled(request({ status: 'FAILED', nextAttemptAt: 'x', retriedAt: new Date(T0).toISOString() }))).toBe(true);
    expect(isSettled(request())).toBe(false);
  });

  it('polls every 2 s in the first minute, then backs off to at most 30 s', () => {
    expect(nextPollMs(request(), T0 + 10_000, 2_000)).toBe(2_000);
    expect(nextPollMs(request(), T0 + 61_000, 2_000)).toBe(4_000);
    expect(nextPollMs(request(), T0 + 120_000, 16_000)).toBe(30_000);
    expect(nextPollMs(request(), T0 + 120_000, 30_000)).toBe(30_000);
  });
});

describe('streamProgress', () => {
  it('sends the state now, each change once, and done when it settles', async () => {
    const { clock, sink, poll, written, polls } = harness([
      { request: request() },
      { request: request({ status: 'FAILED', nextAttemptAt: new Date(T0 + 5_000).toISOString() }) },
      {
        request: request({
          status: 'FAILED',
          nextAttemptAt: new Date(T0 + 5_000).toISOString(),
          retriedAt: new Date(T0 + 5_000).toISOString(),
        }),
      },
    ]);
    await streamProgress(request(), poll, sink, clock, new AbortController().signal);
    expect(written).toEqual(['progress REQUESTED', 'progress FAILED', 'done FAILED', 'end']);
    expect(polls).toEqual([2_000, 4_000, 6_000]);
  });

  it('sends done at once for a settled request, and an error event when a poll fails', async () => {
    const settled = harness([]);
    await streamProgress(request({ status: 'COMPLETED' }), settled.poll, settled.sink, settled.clock, new AbortController().signal);
    expect(settled.written).toEqual(['done COMPLETED', 'end']);

    const failing = harness([{ error: { message: 'lifecycle is unavailable', code: 'SUBGRAPH_UNAVAILABLE' } }]);
    await streamProgress(request(), failing.poll, failing.sink, failing.clock, new AbortController().signal);
    expect(failing.written).toEqual([
      'progress REQUESTED',
      'error {"message":"lifecycle is unavailable","code":"SUBGRAPH_UNAVAILABLE"}',
      'end',
    ]);
  });

  it('keeps a quiet connection alive with comments, and ends after 30 minutes', async () => {
    const { clock, sink, poll, written } = harness([]);
    await streamProgress(request(), poll, sink, clock, new AbortController().signal);
    expect(written.filter((line) => line === 'keep-alive').length).toBeGreaterThan(MAX_STREAM_MS / 30_000 - 5);
    expect(written.slice(-2)).toEqual([
      'timeout {"message":"the stream ends after 30 minutes; open another to keep following the request"}',
      'end',
    ]);
  });

  it('stops when the client goes away', async () => {
    const { clock, sink, poll, written } = harness([]);
    const client = new AbortController();
    client.abort();
    await streamProgress(request(), poll, sink, clock, client.signal);
    expect(written).toEqual(['progress REQUESTED', 'end']);
  });
});
