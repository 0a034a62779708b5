import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { badInput, decodeCursor, encodeCursor, pageOf, pageSize, type Page } from '@nhi/graphql';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const NOT_OURS = 'after is not a cursor this API issued; pass pageInfo.endCursor from the previous page';

/**
 * A filter's id, checked before it reaches a uuid column, whose cast error would quote it; null when left out.
 * `field` is where it was given, such as filter.ownerId.
 */
export function filterId(value: string | null | undefined, field: string): string | null {
  const id = value?.trim();
  if (!id) return null;
  if (!UUID.test(id)) throw badInput(`${field} is not an id this API issued (a UUID)`, field);
  return id.toLowerCase();
}

/** A work queue's order (ownership's, exceptions', lifecycle's): one timestamp column then the id, both ascending (oldest or soonest first). */
export interface QueueOrder<T> {
  /** `alias.column` of the timestamp. */
  at: string;
  /** `alias.column` of the id. */
  id: string;
  cursorOf: (row: T) => { at: Date; id: string };
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
  if (after) {
    const { sortKey, id } = decodeCursor(after);
    if (typeof sortKey !== 'number' || !Number.isFinite(sortKey) || !UUID.test(id)) throw badInput(NOT_OURS, 'after');
    query.andWhere(`(${order.at}, ${order.id}) > (:cursorAt, :cursorId)`, { cursorAt: new Date(sortKey), cursorId: id });
  }
  const rows = await query
    .orderBy(order.at, 'ASC')
    .addOrderBy(order.id, 'ASC')
    .limit(size + 1)
    .getMany();
  const page = pageOf(rows, size, after, (row) => {
    const key = order.cursorOf(row);
    return encodeCursor(key.at.getTime(), key.id);
  });
  return { ...page, count: () => count.getCount() };
}
