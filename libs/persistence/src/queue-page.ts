import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import {
  badInput,
  CURSOR_NOT_OURS,
  decodeCursor,
  encodeCursor,
  isUuid,
  OrderDirection,
  orderTag,
  pageOf,
  pageSize,
  type Page,
} from '@nhi/graphql';

/**
 * A filter's id, checked before it reaches a uuid column, whose cast error would quote it; null when left out.
 * `field` is where it was given, such as filter.ownerId.
 */
export function filterId(value: string | null | undefined, field: string): string | null {
  const id = value?.trim();
  if (!id) return null;
  if (!isUuid(id)) throw badInput(`${field} is not an id this API issued (a UUID)`, field);
  return id.toLowerCase();
}

/**
 * A work queue's order (ownership's, exceptions', lifecycle's): one timestamp (or, when numeric, number) column then the id,
 * both ascending (oldest or soonest first) unless descending.
 */
export interface QueueOrder<T> {
  /** `alias.column` of the sort key; never null in the rows a queue holds. */
  at: string;
  /** `alias.column` of the id. */
  id: string;
  cursorOf: (row: T) => { at: Date | number; id: string };
  /** The key is a number (such as a confidence), not a timestamp. */
  numeric?: boolean;
  /** Latest first, ids descending too. */
  descending?: boolean;
  /**
   * Names an order other than the queue's default in its cursors, such as "EXPIRES_AT DESC", so that a cursor from one
   * order is refused by another instead of skipping rows. The default order leaves it out: its cursors stay as they were.
   */
  tag?: string;
}

/** How a portal asks for a queue's order: a key among the queue's and a direction. */
export interface QueueSort<F extends string> {
  field: F;
  direction: 'ASC' | 'DESC';
}

/** One key a queue can sort by. */
export interface QueueSortKey<T> {
  column: string;
  of: (row: T) => Date | number;
  numeric?: boolean;
}

/**
 * The keyset order `sort` asks for among a queue's keys, or the queue's default (`byDefault` ascending) when null. Only
 * other orders tag their cursors, so cursors issued before a queue could be sorted still page it.
 */
export function sortedQueue<T, F extends string>(
  keys: Record<F, QueueSortKey<T>>,
  id: { column: string; of: (row: T) => string },
  sort: QueueSort<F> | null | undefined,
  byDefault: F,
): QueueOrder<T> {
  const defaultOrder = { field: byDefault, direction: OrderDirection.ASC };
  const { field, direction } = sort ?? defaultOrder;
  const key = keys[field];
  return {
    at: key.column,
    id: id.column,
    cursorOf: (row) => ({ at: key.of(row), id: id.of(row) }),
    numeric: key.numeric,
    descending: direction === 'DESC',
    tag: orderTag({ field, direction: direction as OrderDirection }, defaultOrder),
  };
}

/** One keyset page of a queue and a lazy count of all of it, for a connection with totalCount. */
export async function queuePage<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  order: QueueOrder<T>,
  first: number | null,
  after: string | null,
): Promise<Page<T> & { count: () => Promise<number> }> {
  const size = pageSize(first);
  const count = query.clone();
  const direction = order.descending ? 'DESC' : 'ASC';
  if (after) {
    const { sortKey, id } = decodeCursor(after, order.tag);
    if (typeof sortKey !== 'number' || !Number.isFinite(sortKey) || !isUuid(id)) throw badInput(CURSOR_NOT_OURS, 'after');
    query.andWhere(`(${order.at}, ${order.id}) ${order.descending ? '<' : '>'} (:cursorAt, :cursorId)`, {
      cursorAt: order.numeric ? sortKey : new Date(sortKey),
      cursorId: id,
    });
  }
  const rows = await query
    .orderBy(order.at, direction)
    .addOrderBy(order.id, direction)
    .limit(size + 1)
    .getMany();
  const page = pageOf(rows, size, after, (row) => {
    const key = order.cursorOf(row);
    return encodeCursor(key.at instanceof Date ? key.at.getTime() : key.at, key.id, order.tag);
  });
  return { ...page, count: () => count.getCount() };
}
