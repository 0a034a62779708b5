import { badInput, CURSOR_NOT_OURS as NOT_OURS, CURSOR_OTHER_ORDER } from '@nhi/graphql';
import type { SearchCursor, SearchOrder } from './search-order';

function orderTag(order: SearchOrder): string {
  return `${order.field} ${order.descending ? 'DESC' : 'ASC'}`;
}

/** A search cursor names its order, so that a cursor from one order is refused by another instead of skipping rows. */
export function encodeSearchCursor(order: SearchOrder, row: { key: number; name: string; identityId: string }): string {
  // JSON has no Infinity: an identity that never expires has the key null.
  const key = Number.isFinite(row.key) ? row.key : null;
  return Buffer.from(JSON.stringify({ o: orderTag(order), k: key, n: row.name, i: row.identityId })).toString('base64url');
}

export function decodeSearchCursor(after: string, order: SearchOrder): SearchCursor {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    throw badInput(NOT_OURS, 'after');
  }
  // Cursors issued before orderBy existed: [name, id], by name ascending.
  if (Array.isArray(parsed) && typeof parsed[0] === 'string' && typeof parsed[1] === 'string') {
    if (order.field !== 'NAME' || order.descending) throw badInput(CURSOR_OTHER_ORDER, 'after');
    return { key: 0, name: parsed[0], id: parsed[1] };
  }
  const cursor = parsed as { o?: unknown; k?: unknown; n?: unknown; i?: unknown } | null;
  if (!cursor || typeof cursor !== 'object' || typeof cursor.n !== 'string' || typeof cursor.i !== 'string') {
    throw badInput(NOT_OURS, 'after');
  }
  if (cursor.o !== orderTag(order)) throw badInput(CURSOR_OTHER_ORDER, 'after');
  if (cursor.k !== null && typeof cursor.k !== 'number') throw badInput(NOT_OURS, 'after');
  return { key: cursor.k === null ? Infinity : cursor.k, name: cursor.n, id: cursor.i };
}
