import type { CheckResult } from './context';

/** Evidence stays short: a reader of the report wants what differs, not every row. */
export const MAX_EVIDENCE_LINES = 10;
const MAX_SAMPLE = 10;

/** Up to ten ids, and how many more there are. */
export function sample(ids: Iterable<string>, max = MAX_SAMPLE): string {
  const all = [...ids];
  const shown = all.slice(0, max).join(', ');
  return all.length > max ? `${shown} (+${all.length - max} more)` : shown;
}

/** A result whose evidence is cut to MAX_EVIDENCE_LINES; ok unless something was lost or doubled, or `failed` says so. */
export function checkResult(name: string, outcome: { lost: number; doubled: number; evidence: string[]; failed?: boolean }): CheckResult {
  const { lost, doubled, evidence } = outcome;
  const lines =
    evidence.length > MAX_EVIDENCE_LINES
      ? [...evidence.slice(0, MAX_EVIDENCE_LINES - 1), `(+${evidence.length - MAX_EVIDENCE_LINES + 1} more lines)`]
      : evidence;
  return { name, ok: lost === 0 && doubled === 0 && !outcome.failed, lost, doubled, evidence: lines };
}

/** A check that could not run is a failed check that says why. */
export function crashedResult(name: string, error: unknown): CheckResult {
  const message = error instanceof Error ? error.message : String(error);
  return { name, ok: false, lost: 0, doubled: 0, evidence: [`the check could not run: ${message.split('\n')[0]?.slice(0, 500)}`] };
}

/** Counts occurrences of each key. */
export function countBy<T>(items: Iterable<T>, key: (item: T) => string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
}
