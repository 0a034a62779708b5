import { Directive, Field, ObjectType } from '@nestjs/graphql';
import { GraphQLError } from 'graphql';
import { accessDenied } from '@nhi/auth';

/** Relay PageInfo. Shareable: every subgraph with connections defines the same type. */
@ObjectType('PageInfo', {
  description: 'Where a page of a connection stands (Relay): whether more follows, and the cursors to ask for it.',
})
@Directive('@shareable')
export class PageInfoModel {
  @Field({ description: 'True when more items follow this page: pass endCursor as `after` to read them.' })
  hasNextPage!: boolean;

  @Field({ description: 'True when this page was asked for with `after`, so items come before it; pages are read forwards only.' })
  hasPreviousPage!: boolean;

  @Field(() => String, { nullable: true, description: 'The cursor of the first item of the page; null when the page is empty.' })
  startCursor!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'The cursor of the last item of the page, to pass as `after` for the next page; null when the page is empty.',
  })
  endCursor!: string | null;
}

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 500;

export function badInput(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'BAD_USER_INPUT', ...(field ? { field } : {}) } });
}

/** The thing a request names does not exist (or is not known to this subgraph); `field` points at the input that names it. */
export function notFound(message: string, field?: string): GraphQLError {
  return new GraphQLError(message, { extensions: { code: 'NOT_FOUND', ...(field ? { field } : {}) } });
}

/** The actor may not do this; the message says which role or relation is missing. */
export const forbidden = accessDenied;

/** The page size asked for, or a clear error when it is out of range. */
export function pageSize(first: number | null | undefined): number {
  const size = first ?? DEFAULT_PAGE_SIZE;
  if (!Number.isInteger(size) || size < 1 || size > MAX_PAGE_SIZE) {
    throw badInput(`first must be a whole number from 1 to ${MAX_PAGE_SIZE}`, 'first');
  }
  return size;
}

/** Ids this API issues; a cursor's or a filter's id is checked against it before it reaches a uuid column, whose cast error would quote it. */
export function isUuid(value: string): boolean {
  return /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}

/** The refusal of an `after` this API did not issue (or that was altered). */
export const CURSOR_NOT_OURS = 'after is not a cursor this API issued; pass pageInfo.endCursor from the previous page';
/** The refusal of an `after` issued for another orderBy, which would skip or repeat rows. */
export const CURSOR_OTHER_ORDER = 'after was issued for another orderBy; start again without after';

/** Opaque cursors: the sort key and the id of the last row seen (keyset pagination). */
export function encodeCursor(sortKey: string | number, id: string, orderTag?: string): string {
  return Buffer.from(JSON.stringify(orderTag ? [sortKey, id, orderTag] : [sortKey, id])).toString('base64url');
}

/**
 * The sort key and id of a cursor encodeCursor issued. `orderTag` names the order a connection is read in when it is not
 * the connection's default (whose cursors carry none): a cursor issued for another order is refused rather than
 * skipping or repeating rows.
 */
export function decodeCursor(cursor: string, orderTag?: string): { sortKey: string | number; id: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw badInput(CURSOR_NOT_OURS, 'after');
  }
  if (!Array.isArray(parsed) || parsed.length < 2 || parsed.length > 3) throw badInput(CURSOR_NOT_OURS, 'after');
  const [sortKey, id, tag] = parsed as [unknown, unknown, unknown];
  if ((typeof sortKey !== 'string' && typeof sortKey !== 'number') || typeof id !== 'string') throw badInput(CURSOR_NOT_OURS, 'after');
  if (tag !== orderTag) throw badInput(CURSOR_OTHER_ORDER, 'after');
  return { sortKey, id };
}

export interface Page<T> {
  edges: Array<{ node: T; cursor: string }>;
  pageInfo: PageInfoModel;
}

/**
 * A Relay page from rows fetched with one extra (limit size + 1): the extra row
 * only says that there is a next page.
 */
export function pageOf<T>(rows: readonly T[], size: number, after: string | null | undefined, cursorOf: (row: T) => string): Page<T> {
  const edges = rows.slice(0, size).map((node) => ({ node, cursor: cursorOf(node) }));
  return {
    edges,
    pageInfo: {
      hasNextPage: rows.length > size,
      hasPreviousPage: Boolean(after),
      startCursor: edges[0]?.cursor ?? null,
      endCursor: edges[edges.length - 1]?.cursor ?? null,
    },
  };
}

/**
 * A Relay page over a list already in memory and in a stable order (a plan's
 * identities, a handoff's): the cursor holds the position and the id there.
 */
export function pageOfList<T>(
  items: readonly T[],
  first: number | null | undefined,
  after: string | null | undefined,
  idOf: (item: T) => string,
): Page<T> {
  const size = pageSize(first);
  const start = after ? positionAfter(after) : 0;
  const rows = items.slice(start, start + size + 1);
  let index = start;
  const positions = new Map(rows.map((row) => [row, index++]));
  return pageOf(rows, size, after, (row) => encodeCursor(positions.get(row) ?? 0, idOf(row)));
}

function positionAfter(after: string): number {
  const { sortKey } = decodeCursor(after);
  if (typeof sortKey !== 'number' || !Number.isInteger(sortKey) || sortKey < 0) {
    throw badInput(CURSOR_NOT_OURS, 'after');
  }
  return sortKey + 1;
}
