/** What identitySearch can sort by besides the name; each is a number per identity, so sorting costs what the name does. */
export const SEARCH_ORDER_FIELDS = ['NAME', 'EXPIRES_AT', 'PRIVILEGE_LEVEL', 'FINDING_SEVERITY'] as const;
export type SearchOrderField = (typeof SEARCH_ORDER_FIELDS)[number];

export interface SearchOrder {
  field: SearchOrderField;
  descending: boolean;
}

export const DEFAULT_SEARCH_ORDER: SearchOrder = { field: 'NAME', descending: false };

/** Where a page starts: after this sort key, (lower-cased) name and id. The key is 0 when the order is by name. */
export interface SearchCursor {
  key?: number;
  name: string;
  id: string;
}

/**
 * The order as a compare of (key, name, id) tuples. The direction turns the key
 * round; ties go by name then id, ascending, so "most severe first" lists a
 * severity's identities alphabetically. By name, the direction turns the name
 * and id round instead.
 */
export function tupleCompare(
  order: SearchOrder,
): (keyA: number, nameA: string, idA: string, keyB: number, nameB: string, idB: string) => number {
  const keySign = order.descending ? -1 : 1;
  const tieSign = order.field === 'NAME' ? keySign : 1;
  return (keyA, nameA, idA, keyB, nameB, idB) => {
    if (keyA !== keyB) return keyA < keyB ? -keySign : keySign;
    if (nameA !== nameB) return nameA < nameB ? -tieSign : tieSign;
    if (idA !== idB) return idA < idB ? -tieSign : tieSign;
    return 0;
  };
}
