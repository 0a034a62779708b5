import type { ImportProblem, ImportRow } from '../../import-row';
import { IMPORT_ROW_LIMITS } from '../../streaming/row-limits';

/**
 * The ingest row limits the converters must keep to: one copy of the
 * inventory's, for the whole library. A row over a limit is rejected whole, so
 * a converter leaves out what does not fit and says so.
 */
export const ROW_BOUNDS = IMPORT_ROW_LIMITS;

export type Tag = { key: string; value: string | null };

/**
 * Tags within the limits: the first of a repeated key wins (keys compare without
 * case, as the inventory stores them), tags with an over-long key or value are
 * left out, and so is everything past the 100th. Each leaving-out is a problem
 * that names where and why, never the tag.
 */
export function boundTags(tags: readonly Tag[], location: string): { tags: Tag[]; problems: ImportProblem[] } {
  const kept: Tag[] = [];
  const seen = new Set<string>();
  let tooLong = 0;
  let overflow = 0;
  for (const tag of tags) {
    const key = tag.key.trim();
    if (!key || seen.has(key.toLowerCase())) continue;
    if (key.length > ROW_BOUNDS.tagKey || (tag.value?.length ?? 0) > ROW_BOUNDS.tagValue) {
      tooLong++;
      continue;
    }
    if (kept.length >= ROW_BOUNDS.tags) {
      overflow++;
      continue;
    }
    seen.add(key.toLowerCase());
    kept.push({ key, value: tag.value });
  }
  const problems: ImportProblem[] = [];
  if (tooLong) {
    problems.push({
      location,
      problem: `${tooLong} tag(s) left out: key longer than ${ROW_BOUNDS.tagKey} or value longer than ${ROW_BOUNDS.tagValue} characters`,
    });
  }
  if (overflow) problems.push({ location, problem: `${overflow} tag(s) left out: a row holds at most ${ROW_BOUNDS.tags} tags` });
  return { tags: kept, problems };
}

/** Scopes within the limits: unique, each cut to 500 characters (with an ellipsis), at most 500 (a problem says how many were left out). */
export function boundScopes(scopes: readonly string[], location: string): { scopes: string[]; problems: ImportProblem[] } {
  const cut = [...new Set(scopes.map((scope) => (scope.length > ROW_BOUNDS.scope ? `${scope.slice(0, ROW_BOUNDS.scope - 1)}…` : scope)))];
  if (cut.length <= ROW_BOUNDS.scopes) return { scopes: cut, problems: [] };
  return {
    scopes: cut.slice(0, ROW_BOUNDS.scopes),
    problems: [{ location, problem: `${cut.length - ROW_BOUNDS.scopes} scope line(s) left out: a row holds at most ${ROW_BOUNDS.scopes}` }],
  };
}

/** A name within 300 characters (cut with an ellipsis). */
export function boundName(name: string): string {
  return name.length > ROW_BOUNDS.name ? `${name.slice(0, ROW_BOUNDS.name - 1)}…` : name;
}

/**
 * Drops undefined fields and empty lists so rows compare and serialise cleanly
 * (an absent field means "unknown"; `lastUsedAt: null` is kept: "never used").
 */
export function compact<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, field]) => field !== undefined && !(Array.isArray(field) && field.length === 0)),
  ) as T;
}

/**
 * A row without its undefined fields and empty lists, its credentials likewise;
 * but an empty credentials list stays: it says the identity holds none, which
 * is not the same as not knowing (the inventory then gives it no credential findings).
 */
export function compactRow(row: ImportRow): ImportRow {
  const compacted = compact({ ...row, credentials: row.credentials?.map((credential) => compact(credential)) });
  return row.credentials?.length === 0 ? { ...compacted, credentials: [] } : compacted;
}
