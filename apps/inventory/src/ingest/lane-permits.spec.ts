import { LanePermits, lanesFor } from './lane-permits';

describe('LanePermits', () => {
  it('gives an ingest what is free without waiting for the rest, so concurrent ingests never hold the pool between them', async () => {
    const permits = new LanePermits(7);
    expect(await permits.take(4)).toBe(4);
    expect(await permits.take(4)).toBe(3);
    // Nothing free: the third ingest waits for a lane, holding none.
    let third: number | undefined;
    const waiting = permits.take(4).then((n) => (third = n));
    await Promise.resolve();
    expect(third).toBeUndefined();
    permits.release(3);
    await waiting;
    expect(third).toBe(3);
  });

  it('keeps connections for the rest of the service, and always allows one lane', () => {
    expect(lanesFor(10)).toBe(7);
    expect(lanesFor(2)).toBe(1);
  });
});
