import type { EntityManager } from 'typeorm';
import type { NhiEvent } from '@nhi/contracts';

export interface OutboxRow {
  id: string;
  seq: string;
  topic: string;
  message_key: string;
  payload: NhiEvent;
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

/** The oldest unsent rows, locked until the transaction ends. */
export function selectUnsent(manager: EntityManager, limit: number): Promise<OutboxRow[]> {
  return manager.query(
    `SELECT id, seq, topic, message_key, payload FROM outbox_events
      WHERE sent_at IS NULL ORDER BY seq LIMIT $1 FOR UPDATE SKIP LOCKED`,
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
