import { PeriodicTask } from './periodic-task';

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
});
