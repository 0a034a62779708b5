import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';
import { searchWords } from '@nhi/graphql';

/** Where a word may appear: an SQL text expression (null reads as empty), or a whole condition around the word's parameter. */
export type WordHaystack = string | ((wordParameter: string) => string);

/**
 * Narrows `query` to rows in which each word of `search` (see searchWords) appears in one of `haystacks`, ignoring
 * case. position() rather than LIKE, so a word holding % or _ means itself; every word is a bound parameter.
 */
export function andEachWordIn<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  search: string | null | undefined,
  haystacks: readonly WordHaystack[],
): void {
  searchWords(search).forEach((word, n) => {
    const parameter = `searchWord${n}`;
    const anywhere = haystacks.map((haystack) =>
      typeof haystack === 'string' ? `position(:${parameter} in lower(coalesce(${haystack}, ''))) > 0` : haystack(`:${parameter}`),
    );
    query.andWhere(`(${anywhere.join(' OR ')})`, { [parameter]: word });
  });
}
