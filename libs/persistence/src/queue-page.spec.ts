import { sortedQueue, type QueueSortKey } from './queue-page';

interface Row {
  id: string;
  createdAt: Date;
  confidence: number;
}

const KEYS: Record<'CREATED_AT' | 'CONFIDENCE', QueueSortKey<Row>> = {
  CREATED_AT: { column: 's.created_at', of: (row) => row.createdAt },
  CONFIDENCE: { column: 's.confidence', of: (row) => row.confidence, numeric: true },
};
const ID = { column: 's.id', of: (row: Row) => row.id };
const row: Row = { id: 'a', createdAt: new Date(5), confidence: 0.75 };

describe('sortedQueue', () => {
  it("is the queue's default ascending order when no sort is asked for, with untagged cursors", () => {
    const order = sortedQueue(KEYS, ID, null, 'CREATED_AT');

    expect(order).toMatchObject({ at: 's.created_at', id: 's.id', descending: false, tag: undefined });
    expect(order.cursorOf(row)).toEqual({ at: new Date(5), id: 'a' });
  });

  it('keeps cursors untagged when the default order is spelled out', () => {
    expect(sortedQueue(KEYS, ID, { field: 'CREATED_AT', direction: 'ASC' }, 'CREATED_AT').tag).toBeUndefined();
  });

  it('tags any other order with its field and direction, so cursors cannot cross orders', () => {
    expect(sortedQueue(KEYS, ID, { field: 'CREATED_AT', direction: 'DESC' }, 'CREATED_AT')).toMatchObject({
      descending: true,
      tag: 'CREATED_AT DESC',
    });
    const byConfidence = sortedQueue(KEYS, ID, { field: 'CONFIDENCE', direction: 'ASC' }, 'CREATED_AT');
    expect(byConfidence).toMatchObject({ at: 's.confidence', numeric: true, descending: false, tag: 'CONFIDENCE ASC' });
    expect(byConfidence.cursorOf(row)).toEqual({ at: 0.75, id: 'a' });
  });
});
