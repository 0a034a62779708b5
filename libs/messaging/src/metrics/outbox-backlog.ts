import type { EntityManager } from 'typeorm';

/** Unsent rows counted one by one up to this many; past it the backlog is estimated from sequence numbers. */
export const BACKLOG_COUNT_CAP = 100_000;

export interface OutboxBacklog {
  /** Rows not yet published: exact up to BACKLOG_COUNT_CAP, estimated beyond. */
  unsent: number;
  /** How long the relay's next row has waited; 0 when nothing waits. */
  oldestUnsentAgeSeconds: number;
}

interface BacklogRow {
  counted: number;
  head_seq: string | null;
  last_seq: string | null;
  oldest_age_seconds: number | null;
}

/**
 * Past the cap, the span of sequence numbers from the relay's next row to the
 * last one handed out: the relay publishes in sequence order, so rows after
 * its head are nearly all unsent (a rolled-back insert leaves a gap, which
 * makes this an upper bound). Never below what was counted.
 */
export function backlogSize(counted: number, headSeq: string | null, lastSeq: string | null, cap = BACKLOG_COUNT_CAP): number {
  if (counted < cap || headSeq === null || lastSeq === null) return counted;
  const span = BigInt(lastSeq) - BigInt(headSeq) + 1n;
  return span > BigInt(cap) ? Number(span) : cap;
}

/**
 * The outbox's backlog in one statement, for a scrape: the head of the unsent
 * index (the relay's next row, one index probe), the unsent rows counted along
 * that partial index up to a cap, and the sequence's last value. Never a scan
 * of the published rows, however many the retention keeps.
 */
export async function readOutboxBacklog(manager: EntityManager, cap = BACKLOG_COUNT_CAP): Promise<OutboxBacklog> {
  const [row]: BacklogRow[] = await manager.query(
    `SELECT head.seq::text AS head_seq,
            EXTRACT(EPOCH FROM now() - head.created_at)::float8 AS oldest_age_seconds,
            (SELECT count(*)::int FROM (SELECT 1 FROM outbox_events WHERE sent_at IS NULL LIMIT $1) capped) AS counted,
            (SELECT last_value::text FROM outbox_events_seq_seq) AS last_seq
       FROM (SELECT 1) AS one
       LEFT JOIN LATERAL (SELECT seq, created_at FROM outbox_events WHERE sent_at IS NULL ORDER BY seq LIMIT 1) AS head ON true`,
    [cap],
  );
  if (!row) return { unsent: 0, oldestUnsentAgeSeconds: 0 };
  return {
    unsent: backlogSize(row.counted, row.head_seq, row.last_seq, cap),
    // A row stamped by a clock a little ahead of the database's would read as negative.
    oldestUnsentAgeSeconds: Math.max(0, row.oldest_age_seconds ?? 0),
  };
}
