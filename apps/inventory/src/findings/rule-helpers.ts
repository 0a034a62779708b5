import type { Severity } from '@nhi/contracts';

export const DAY_MS = 86_400_000;

/** One step more severe in production, where a weakness costs most. */
export function raised(severity: Severity, production: boolean): Severity {
  const order: Severity[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
  return production ? (order[Math.min(order.indexOf(severity) + 1, order.length - 1)] ?? severity) : severity;
}

export function list(values: readonly string[], max = 5): string {
  return values.length <= max ? values.join(', ') : `${values.slice(0, max).join(', ')} and ${values.length - max} more`;
}

/** Whole days from `from` to `now`. */
export function daysSince(from: Date | string, now: Date): number {
  return Math.floor((now.getTime() - new Date(from).getTime()) / DAY_MS);
}

export const day = (date: Date | string) => new Date(date).toISOString().slice(0, 10);

/**
 * How long something has gone unused past `limitDays`: the days since its last
 * use, `'never'` when a source said it was never used and it is older than the
 * limit (or of unknown age), null when it is in use or nothing is known.
 */
export function unusedPast(
  use: { lastUsedAt: Date | string | null; neverUsed: boolean; createdAt: Date | string | null },
  now: Date,
  limitDays: number,
): number | 'never' | null {
  if (use.lastUsedAt) {
    const days = daysSince(use.lastUsedAt, now);
    return days > limitDays ? days : null;
  }
  return use.neverUsed && (!use.createdAt || daysSince(use.createdAt, now) > limitDays) ? 'never' : null;
}
