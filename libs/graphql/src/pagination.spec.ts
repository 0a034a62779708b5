import { decodeCursor, encodeCursor, pageSize } from './pagination';

describe('pagination', () => {
  it('round-trips a cursor', () => {
    expect(decodeCursor(encodeCursor('payments', 'id-1'))).toEqual({ sortKey: 'payments', id: 'id-1' });
  });

  it('explains a cursor it did not issue', () => {
    expect(() => decodeCursor('garbage')).toThrow(/after is not a cursor this API issued/);
  });

  it('bounds the page size', () => {
    expect(pageSize(undefined)).toBe(50);
    expect(() => pageSize(0)).toThrow('first must be between 1 and 500, got 0');
    expect(() => pageSize(10_000)).toThrow('first must be between 1 and 500, got 10000');
  });
});
