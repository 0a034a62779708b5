import type { EntityManager } from 'typeorm';
import type { OutboxService } from '@nhi/messaging';
import { IngestRequestError } from './ingest-request-error';

/** A full snapshot that would stale too much of a source: refused, with what happened to its rows. */
export class SnapshotRefusedError extends IngestRequestError {
  override readonly name: string = 'SnapshotRefusedError';
}

export interface SnapshotGuard {
  /** Largest share of a source's active identities one full snapshot may mark STALE without force. */
  maxStaleShare: number;
  force: boolean;
  /** A dry run reports what it would stale instead of being refused. */
  dryRun: boolean;
}

export interface SnapshotOutcome {
  stale: number;
  /** Why a real run would be refused; set only on a dry run that would be. */
  wouldRefuse: string | null;
}

/**
 * After a full snapshot: every sighting of this source it did not include has
 * missed one more snapshot; identities that every source has missed for
 * staleAfter snapshots become STALE. Runs in the caller's transaction, so a
 * refusal rolls all of it back.
 */
export async function markMissing(
  manager: EntityManager,
  outbox: OutboxService,
  snapshot: { source: string; snapshotId: string; now: Date; staleAfter: number },
  guard: SnapshotGuard,
): Promise<SnapshotOutcome> {
  const { source, snapshotId, now, staleAfter } = snapshot;
  const [{ active }] = (await manager.query(
    `SELECT count(*)::int AS active FROM identities i JOIN identity_sightings s ON s.identity_id = i.id
     WHERE s.source = $1 AND i.status = 'ACTIVE'`,
    [source],
  )) as [{ active: number }];
  await manager.query(
    `UPDATE identity_sightings SET missed_snapshots = missed_snapshots + 1
     WHERE source = $1 AND last_snapshot_id IS DISTINCT FROM $2`,
    [source, snapshotId],
  );
  const stale: Array<{ id: string; last_seen_at: Date; missed: number }> = await manager.query(
    // A CTE, so the driver returns the rows (a bare UPDATE ... RETURNING comes back as [rows, count]).
    `WITH missing AS (
       SELECT s.identity_id, min(s.missed_snapshots) AS missed FROM identity_sightings s
       WHERE s.identity_id IN (SELECT identity_id FROM identity_sightings WHERE source = $1 AND missed_snapshots >= $2)
       GROUP BY s.identity_id HAVING min(s.missed_snapshots) >= $2),
     stale AS (
       UPDATE identities i SET status = 'STALE' FROM missing m
       WHERE i.id = m.identity_id AND i.status = 'ACTIVE'
       RETURNING i.id, i.last_seen_at, m.missed)
     SELECT * FROM stale`,
    [source, staleAfter],
  );
  const refusal = stale.length > guard.maxStaleShare * active ? tooMuchStale(source, stale.length, active, guard.maxStaleShare) : null;
  if (refusal && !guard.force && !guard.dryRun) throw new SnapshotRefusedError(refusal);
  await outbox.enqueueMany(
    manager,
    stale.map((row) => ({
      type: 'nhi.identity.stale' as const,
      subject: row.id,
      data: {
        id: row.id,
        lastSeenAt: new Date(row.last_seen_at).toISOString(),
        staleAt: now.toISOString(),
        missedSnapshots: Number(row.missed),
      },
    })),
  );
  return { stale: stale.length, wouldRefuse: guard.force ? null : refusal };
}

function tooMuchStale(source: string, stale: number, active: number, share: number): string {
  return (
    `this full snapshot would mark ${stale} of the ${active} active identities source ${source} reports STALE, ` +
    `more than SNAPSHOT_MAX_STALE_SHARE (${share}); check the export is complete, or send force: true (?force=true) if it is`
  );
}

/** An empty full snapshot says "the source has nothing", which is almost always a broken export: never taken without force. */
export const EMPTY_SNAPSHOT =
  'this full snapshot has no valid rows; it would mark every identity of the source missing. Send force: true (?force=true) if the source really has none';
