import type { EntityManager } from 'typeorm';

export interface OutboxRow {
  id: string;
  seq: string;
  topic: string;
  message_key: string;
  event_type: string;
  /** The event as stored: handed to Kafka as it is, never parsed again. */
  payload: string;
  /** The event's trace context, for its headers; null on rows from before ADR 0033. */
  traceparent?: string | null;
  tracestate?: string | null;
}

/**
 * One relay per database at a time, across instances: row locks alone would let
 * a second instance publish later rows of a key while the first still holds earlier ones.
 * The lock is transaction-scoped, so a crashed relay can never leave it held.
 */
export async function tryLockRelay(manager: EntityManager): Promise<boolean> {
  const rows: Array<{ locked: boolean }> = await manager.query(`SELECT pg_try_advisory_xact_lock(hashtext('nhi_outbox_relay')) AS locked`);
  return rows[0]?.locked === true;
}

/**
 * The oldest unsent rows. Only the holder of the relay lock reads them, so no
 * row locks are taken: locking each row would write every page a second time.
 * The walk along the unsent index is forced: with statistics from a quiet
 * moment the planner expects a handful of unsent rows and would fetch and sort
 * the whole backlog (payloads included) for every batch of a large import.
 */
export async function selectUnsent(manager: EntityManager, limit: number): Promise<OutboxRow[]> {
  await manager.query('SET LOCAL enable_bitmapscan = off');
  await manager.query('SET LOCAL enable_seqscan = off');
  return manager.query(
    `SELECT id, seq, topic, message_key, payload->>'type' AS event_type, payload::text AS payload, traceparent, tracestate FROM outbox_events
      WHERE sent_at IS NULL ORDER BY seq LIMIT $1`,
    [limit],
  );
}

export async function markSent(manager: EntityManager, ids: string[]): Promise<void> {
  await manager.query(`UPDATE outbox_events SET sent_at = now(), attempts = attempts + 1, last_error = NULL WHERE id = ANY($1::uuid[])`, [
    ids,
  ]);
}

export async function markFailed(manager: EntityManager, ids: string[], error: string): Promise<void> {
  await manager.query(`UPDATE outbox_events SET attempts = attempts + 1, last_error = $2 WHERE id = ANY($1::uuid[])`, [ids, error]);
}

export async function countUnsent(manager: EntityManager): Promise<number> {
  const rows: Array<{ count: string }> = await manager.query(`SELECT count(*) AS count FROM outbox_events WHERE sent_at IS NULL`);
  return Number(rows[0]?.count ?? 0);
}

/**
 * Keeps the queue table small: published rows older than the retention go, then
 * VACUUM drops the dead index entries that every relay poll would otherwise walk
 * over (the unsent index is scanned from its oldest end, so without this each
 * poll gets slower as events accumulate; autovacuum may be off or late).
 */
export async function purgeAndVacuum(manager: EntityManager, retentionHours: number): Promise<number> {
  const rows: Array<{ purged: number }> = await manager.query(
    `WITH purged AS (DELETE FROM outbox_events WHERE sent_at < now() - make_interval(hours => $1) RETURNING 1)
     SELECT count(*)::int AS purged FROM purged`,
    [retentionHours],
  );
  await manager.query('VACUUM outbox_events');
  return rows[0]?.purged ?? 0;
}
