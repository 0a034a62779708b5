import { RefreshedAtMostEvery } from './refreshed-at-most-every';

describe('RefreshedAtMostEvery', () => {
  let clock: number;
  let reads: number;
  let next: () => Promise<number>;
  const reading = () =>
    new RefreshedAtMostEvery(
      10_000,
      () => ((reads += 1), next()),
      () => clock,
    );

  beforeEach(() => {
    clock = 0;
    reads = 0;
    next = () => Promise.resolve(reads);
  });

  it('reads once within the window and again after it', async () => {
    const cached = reading();
    expect(await cached.get()).toBe(1);
    clock = 9_999;
    expect(await cached.get()).toBe(1);
    clock = 10_000;
    expect(await cached.get()).toBe(2);
  });

  it('shares a reading in flight between concurrent callers', async () => {
    let release: (value: number) => void = () => undefined;
    next = () => new Promise((resolve) => (release = resolve));
    const cached = reading();
    const both = Promise.all([cached.get(), cached.get()]);
    release(7);
    expect(await both).toEqual([7, 7]);
    expect(reads).toBe(1);
  });

  it('keeps no failed reading: the next call reads again', async () => {
    next = () => Promise.reject(new Error('broker away'));
    const cached = reading();
    await expect(cached.get()).rejects.toThrow('broker away');
    next = () => Promise.resolve(42);
    expect(await cached.get()).toBe(42);
    expect(reads).toBe(2);
  });
});
