import { Wakeup } from './wakeup';

async function elapsedMs(work: Promise<void>): Promise<number> {
  const started = Date.now();
  await work;
  return Date.now() - started;
}

describe('Wakeup', () => {
  it('ends a wait as soon as it is woken', async () => {
    const wakeup = new Wakeup();
    const waiting = wakeup.wait(10_000);
    wakeup.wake();
    expect(await elapsedMs(waiting)).toBeLessThan(1_000);
  });

  it('keeps a wake that came while nobody waited, once', async () => {
    const wakeup = new Wakeup();
    wakeup.wake();
    expect(await elapsedMs(wakeup.wait(10_000))).toBeLessThan(1_000);
    expect(await elapsedMs(wakeup.wait(50))).toBeGreaterThanOrEqual(40);
  });

  it('ignores wakes during a non-wakeable wait but keeps them for the next one', async () => {
    const wakeup = new Wakeup();
    const backingOff = wakeup.wait(60, false);
    wakeup.wake();
    expect(await elapsedMs(backingOff)).toBeGreaterThanOrEqual(50);
    expect(await elapsedMs(wakeup.wait(10_000))).toBeLessThan(1_000);
  });

  it('interrupt ends any wait', async () => {
    const wakeup = new Wakeup();
    const backingOff = wakeup.wait(10_000, false);
    wakeup.interrupt();
    expect(await elapsedMs(backingOff)).toBeLessThan(1_000);
  });
});
