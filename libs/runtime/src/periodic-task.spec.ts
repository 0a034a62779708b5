import type { DataSource } from 'typeorm';
import { PeriodicTask, runExclusively } from './periodic-task';

describe('PeriodicTask', () => {
  it('never runs twice at once and waits for the run in progress when stopped', async () => {
    let release: () => void = () => undefined;
    let runs = 0;
    const task = new PeriodicTask('test', 10, () => {
      runs += 1;
      return new Promise<void>((resolve) => (release = resolve));
    });

    const first = task.runOnce();
    const second = task.runOnce();
    expect(runs).toBe(1);
    expect(second).toBe(first);
    const stopped = task.stop();
    release();
    await stopped;
    await expect(first).resolves.toBeUndefined();
  });

  it('logs a failed run and lets the next one run', async () => {
    const warnings: string[] = [];
    let fail = true;
    const task = new PeriodicTask(
      'flaky',
      0,
      async () => {
        if (fail) throw new Error('database away');
      },
      { warn: (message: string) => warnings.push(message) } as never,
    );

    await task.runOnce();
    fail = false;
    await task.runOnce();
    expect(warnings).toEqual(['flaky failed: database away']);
  });

  it('runs once soon after start when asked, long before its interval', async () => {
    let runs = 0;
    const task = new PeriodicTask(
      'snapshots',
      3_600_000,
      async () => {
        runs += 1;
      },
      undefined,
      5,
    );
    task.start();
    await new Promise((resolve) => setTimeout(resolve, 50));
    await task.stop();
    expect(runs).toBe(1);
  });

  it('says it is stopping from stop() on, so that work of several transactions ends after the one in progress', async () => {
    let batches = 0;
    const task: PeriodicTask = new PeriodicTask('batches', 0, async () => {
      while (!task.stopping) {
        batches += 1;
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
    });
    const run = task.runOnce();
    await new Promise((resolve) => setTimeout(resolve, 20));
    await task.stop();
    await run;
    const done = batches;
    expect(done).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(batches).toBe(done);
  });
});

describe('runExclusively', () => {
  /** A DataSource whose try-lock answers `locked`, recording what it was asked. */
  function dataSource(locked: boolean) {
    const calls: unknown[][] = [];
    const manager = { query: jest.fn(async (...args: unknown[]) => (calls.push(args), [{ locked }])) };
    const source = { transaction: jest.fn(async (_isolation: string, work: (m: typeof manager) => unknown) => work(manager)) };
    return { source: source as unknown as DataSource, calls, transaction: source.transaction };
  }

  it('runs the work in the transaction that holds the lock', async () => {
    const { source, calls, transaction } = dataSource(true);
    await expect(runExclusively(source, 'nhi.some-job', async () => 42)).resolves.toBe(42);
    expect(transaction.mock.calls[0]?.[0]).toBe('READ COMMITTED');
    expect(calls).toEqual([['SELECT pg_try_advisory_xact_lock(hashtext($1)) AS locked', ['nhi.some-job']]]);
  });

  it('does nothing while another instance holds the lock', async () => {
    const work = jest.fn();
    await expect(runExclusively(dataSource(false).source, 'nhi.some-job', work)).resolves.toBeUndefined();
    expect(work).not.toHaveBeenCalled();
  });
});
