import { higherLevel, highestLevel, levelRank } from './levels';

describe('levels', () => {
  it('orders LOW < MEDIUM < HIGH < ADMIN', () => {
    expect(['ADMIN', 'LOW', 'HIGH', 'MEDIUM'].map((level) => levelRank(level as never))).toEqual([3, 0, 2, 1]);
  });

  it('picks the higher of two', () => {
    expect(higherLevel('MEDIUM', 'HIGH')).toBe('HIGH');
    expect(higherLevel('ADMIN', 'LOW')).toBe('ADMIN');
  });

  it('has no highest level of nothing', () => {
    expect(highestLevel([])).toBeNull();
    expect(highestLevel(['LOW', 'HIGH', 'MEDIUM'])).toBe('HIGH');
  });
});
