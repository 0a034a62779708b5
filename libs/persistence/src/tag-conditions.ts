import type { ObjectLiteral, SelectQueryBuilder } from 'typeorm';

/**
 * Narrows `query` to rows whose jsonb `column` (such as `i.tags`) carries every one of `tags`: the key with that value,
 * or the key with any value when the value is left out. Keys and values are bound parameters, never spliced into the SQL.
 */
export function andHasTags<T extends ObjectLiteral>(
  query: SelectQueryBuilder<T>,
  column: string,
  tags: ReadonlyArray<{ key: string; value?: string | null }> | null | undefined,
): void {
  tags?.forEach((tag, n) => {
    if (tag.value === null || tag.value === undefined) query.andWhere(`${column} -> :tagKey${n} IS NOT NULL`, { [`tagKey${n}`]: tag.key });
    else
      query.andWhere(`${column} @> jsonb_build_object(:tagKey${n}::text, :tagValue${n}::text)`, {
        [`tagKey${n}`]: tag.key,
        [`tagValue${n}`]: tag.value,
      });
  });
}
