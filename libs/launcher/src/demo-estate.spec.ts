import { DEMO_ESTATE } from './demo-estate';

describe('demo estate', () => {
  it('has one entry per natural key', () => {
    const keys = DEMO_ESTATE.map((i) => `${i.provider}|${i.externalId}`);

    expect(new Set(keys).size).toBe(keys.length);
  });

  it('covers several kinds, environments and business units, so the summary says something', () => {
    expect(new Set(DEMO_ESTATE.map((i) => i.kind)).size).toBeGreaterThanOrEqual(8);
    expect(new Set(DEMO_ESTATE.map((i) => i.environment)).size).toBeGreaterThanOrEqual(3);
    expect(new Set(DEMO_ESTATE.map((i) => i.businessUnit)).size).toBeGreaterThanOrEqual(4);
  });
});
