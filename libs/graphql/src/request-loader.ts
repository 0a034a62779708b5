import DataLoader from 'dataloader';
import type { SubgraphContext } from './subgraph-graphql.module';

/**
 * One DataLoader per request and name: all lookups of one request that happen
 * in the same tick become a single batched query.
 */
export function requestLoader<K, V>(
  context: SubgraphContext,
  name: string,
  batch: (keys: readonly K[]) => Promise<ReadonlyArray<V | Error>>,
): DataLoader<K, V> {
  const existing = context.loaders.get(name);
  if (existing) return existing as DataLoader<K, V>;
  const loader = new DataLoader<K, V>(batch);
  context.loaders.set(name, loader);
  return loader;
}

/** Groups rows under the requested keys, in key order, with an empty list where a key has none. */
export function groupByKeys<K, R>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K): R[][] {
  const groups = new Map<K, R[]>(keys.map((key) => [key, []]));
  for (const row of rows) groups.get(keyOf(row))?.push(row);
  return keys.map((key) => groups.get(key) ?? []);
}

/** Orders rows by the requested keys, with `fallback(key)` where a row is missing. */
export function byKeys<K, R, F>(keys: readonly K[], rows: readonly R[], keyOf: (row: R) => K, fallback: (key: K) => F): Array<R | F> {
  const index = new Map(rows.map((row) => [keyOf(row), row]));
  return keys.map((key) => index.get(key) ?? fallback(key));
}
