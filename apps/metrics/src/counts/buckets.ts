/** Helpers for running totals bucketed by a key (a UTC day, a whole hour): sums past a boundary, and ranks. */

export const DAY_MS = 86_400_000;

/** The UTC day a time falls on, as governance_counts keys it (YYYY-MM-DD). */
export function dayKey(time: Date): string {
  return time.toISOString().slice(0, 10);
}

/** Midnight (UTC) of the day a time falls on. */
export function startOfDay(time: Date): Date {
  return new Date(Math.floor(time.getTime() / DAY_MS) * DAY_MS);
}

export function addDays(time: Date, days: number): Date {
  return new Date(time.getTime() + days * DAY_MS);
}

export interface Bucket {
  key: string;
  n: number;
  /** Its place in a breakdown shown largest first, where it is one. */
  rank?: number;
}

/** The sum of the buckets whose key passes the test. */
export function sumBuckets(buckets: readonly Bucket[], test: (key: string) => boolean): number {
  return buckets.reduce((sum, bucket) => (test(bucket.key) ? sum + bucket.n : sum), 0);
}

/**
 * Which bucket holds the value of a rank (0-based, in the buckets' order),
 * and its rank within that bucket; null past the last one.
 */
export function locateRank(buckets: readonly Bucket[], rank: number): { key: string; offset: number } | null {
  let before = 0;
  for (const bucket of buckets) {
    if (rank < before + bucket.n) return { key: bucket.key, offset: rank - before };
    before += bucket.n;
  }
  return null;
}

/**
 * percentile_cont's interpolation: the fraction `p` of `count` sorted values
 * lies between the values of ranks `low` and `high`, `weight` of the way.
 */
export function percentileRanks(p: number, count: number): { low: number; high: number; weight: number } {
  const position = p * (count - 1);
  const low = Math.floor(position);
  return { low, high: Math.ceil(position), weight: position - low };
}
