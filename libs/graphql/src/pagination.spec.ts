import { decodeCursor, encodeCursor, pageOf, pageOfList, pageSize } from './pagination';

describe('pagination', () => {
  it('round-trips a cursor', () => {
    expect(decodeCursor(encodeCursor('payments', 'id-1'))).toEqual({ sortKey: 'payments', id: 'id-1' });
  });

  it("keeps an order's tag, and refuses a cursor of another order or of the default one", () => {
    const tagged = encodeCursor(3, 'id-1', 'SEVERITY ASC');

    expect(decodeCursor(tagged, 'SEVERITY ASC')).toEqual({ sortKey: 3, id: 'id-1' });
    expect(() => decodeCursor(tagged, 'DETECTED_AT DESC')).toThrow('after was issued for another orderBy; start again without after');
    expect(() => decodeCursor(tagged)).toThrow(/another orderBy/);
    expect(() => decodeCursor(encodeCursor(3, 'id-1'), 'SEVERITY ASC')).toThrow(/another orderBy/);
  });

  it('explains a cursor it did not issue', () => {
    expect(() => decodeCursor('garbage')).toThrow(/after is not a cursor this API issued/);
  });

  it('bounds the page size', () => {
    expect(pageSize(undefined)).toBe(50);
    expect(() => pageSize(0)).toThrow('first must be a whole number from 1 to 500');
    expect(() => pageSize(10_000)).toThrow('first must be a whole number from 1 to 500');
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

describe('pageOfList', () => {
  it('pages a list in memory, each cursor continuing after its item', () => {
    const items = ['a', 'b', 'c', 'd', 'e'];
    const first = pageOfList(items, 2, null, (item) => item);
    expect(first.edges.map((edge) => edge.node)).toEqual(['a', 'b']);
    expect(first.pageInfo.hasNextPage).toBe(true);

    const last = pageOfList(items, 3, first.pageInfo.endCursor, (item) => item);
    expect(last.edges.map((edge) => edge.node)).toEqual(['c', 'd', 'e']);
    expect(last.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });
  });

  it('refuses a cursor that holds no position', () => {
    expect(() => pageOfList(['a'], 1, encodeCursor('payments', 'x'), String)).toThrow(/after is not a cursor this API issued/);
  });
});
