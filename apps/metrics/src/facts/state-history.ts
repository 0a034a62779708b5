import type { EntityManager } from 'typeorm';

export type HistoryAttribute =
  'live' | 'business_unit' | 'ownership' | 'attested' | 'overdue' | 'managed' | `finding:${string}` | `exception:${string}`;

export interface HistoryEntry {
  identityId: string;
  attribute: HistoryAttribute;
  value: string | null;
  at: string;
  until?: string | null;
}

/**
 * Appends what changed, at the time the event says it changed: the input of
 * the daily snapshots. The same statement marks the identities whose history
 * moved (trend_dirty, read by DailySnapshots.refreshTrends), so a mark commits
 * exactly when its history does. trend_dirty has no key: a mark is a plain
 * append that never waits on another run's, and the job takes duplicates
 * together (docs/adr/0021).
 */
export async function recordHistory(manager: EntityManager, entries: readonly HistoryEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await manager.query(
    `WITH written AS (
       INSERT INTO state_history (identity_id, attribute, value, until, at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[])
       RETURNING identity_id)
     INSERT INTO trend_dirty (identity_id) SELECT DISTINCT identity_id FROM written`,
    [
      entries.map((e) => e.identityId),
      entries.map((e) => e.attribute),
      entries.map((e) => e.value),
      entries.map((e) => e.until ?? null),
      entries.map((e) => e.at),
    ],
  );
}
