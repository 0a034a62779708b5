import { decodeCursor, encodeCursor, pageOf, pageSize } from './pagination';

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

  it('makes a page from rows fetched with one extra, which only says there is more', () => {
    const page = pageOf(['a', 'b', 'c'], 2, 'cursor-0', (row) => `cursor-${row}`);

    expect(page.edges).toEqual([
      { node: 'a', cursor: 'cursor-a' },
      { node: 'b', cursor: 'cursor-b' },
    ]);
    expect(page.pageInfo).toEqual({ hasNextPage: true, hasPreviousPage: true, startCursor: 'cursor-a', endCursor: 'cursor-b' });
    expect(pageOf([], 2, null, String).pageInfo).toEqual({
      hasNextPage: false,
      hasPreviousPage: false,
      startCursor: null,
      endCursor: null,
    });
  });
});
