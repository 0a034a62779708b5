import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxService } from '@nhi/messaging';
import { REQUEST_TABLES, type MassActionKind } from './mass-action.entity';

/** Each identity's latest attempt in a mass action, by how it stands. */
export interface MassActionTally {
  requested: number;
  /** Latest attempts whose request the relay has put on Kafka. */
  published: number;
  /** Latest attempts the integrator answered (completed or failed). */
  answered: number;
  completed: number;
  /** Failed for good: the last attempt failed and no retry is due. */
  failed: number;
  /** Timed out for good. */
  timedOut: number;
  /** Waiting for a result, or for a retry that is due. */
  inProgress: number;
}

const EVENT_OF: Record<MassActionKind, string> = { ROTATION: 'nhi.rotation.requested', REVOCATION: 'nhi.revocation.requested' };

/** SQL: an ended attempt that will not be retried (no retry due, or the retry was decided against). */
const ENDED_FOR_GOOD = `(r.next_attempt_at IS NULL OR r.retried_at IS NOT NULL)`;

/**
 * The tally of each mass action in $1 from its requests: one row per mass
 * action, each identity counted once, by its latest attempt.
 */
function tallySql(action: MassActionKind): string {
  return `
    WITH latest AS (
      SELECT DISTINCT ON (r.mass_action_id, r.identity_id) r.*
      FROM ${REQUEST_TABLES[action]} r WHERE r.mass_action_id = ANY($1)
      ORDER BY r.mass_action_id, r.identity_id, r.attempt DESC),
    -- The outbox's unsent rows (a partial index keeps them apart), read once and joined by hash: a lookup per
    -- request would read them all again for each.
    unsent AS MATERIALIZED (
      SELECT DISTINCT (o.payload->'data'->>'requestId')::uuid AS request_id FROM outbox_events o
      WHERE o.sent_at IS NULL AND o.payload->>'type' = '${EVENT_OF[action]}')
    SELECT r.mass_action_id AS id,
      count(*)::int AS requested,
      count(*) FILTER (WHERE u.request_id IS NULL)::int AS published,
      count(*) FILTER (WHERE r.status IN ('COMPLETED', 'FAILED'))::int AS answered,
      count(*) FILTER (WHERE r.status = 'COMPLETED')::int AS completed,
      count(*) FILTER (WHERE r.status = 'FAILED' AND ${ENDED_FOR_GOOD})::int AS failed,
      count(*) FILTER (WHERE r.status = 'TIMED_OUT' AND ${ENDED_FOR_GOOD})::int AS timed_out,
      count(*) FILTER (WHERE r.status = 'REQUESTED' OR (r.status IN ('FAILED', 'TIMED_OUT') AND NOT ${ENDED_FOR_GOOD}))::int AS in_progress
    FROM latest r LEFT JOIN unsent u ON u.request_id = r.id GROUP BY r.mass_action_id`;
}

interface TallyRow {
  id: string;
  requested: number;
  published: number;
  answered: number;
  completed: number;
  failed: number;
  timed_out: number;
  in_progress: number;
}

const toTally = (row: TallyRow | undefined): MassActionTally => ({
  requested: row?.requested ?? 0,
  published: row?.published ?? 0,
  answered: row?.answered ?? 0,
  completed: row?.completed ?? 0,
  failed: row?.failed ?? 0,
  timedOut: row?.timed_out ?? 0,
  inProgress: row?.in_progress ?? 0,
});

/**
 * How mass actions stand, from their requests, and when each finishes: once
 * no identity's latest attempt is in progress, it is marked finished and
 * `nhi.mass-action.finished` is published, once.
 */
@Injectable()
export class MassActionLedger {
  constructor(private readonly outbox: OutboxService) {}

  async tally(manager: Pick<EntityManager, 'query'>, action: MassActionKind, id: string): Promise<MassActionTally> {
    const [row]: TallyRow[] = await manager.query(tallySql(action), [[id]]);
    return toTally(row);
  }

  /**
   * Finishes those of these mass actions that have nothing in progress, in the
   * caller's transaction, after it settled their requests. Their rows are
   * locked first, in a statement of their own: two runs settling the last
   * requests of one mass action at once then take turns, and the second sees
   * what the first committed, so neither misses the end.
   */
  async finishIfDone(manager: EntityManager, action: MassActionKind, ids: Iterable<string | null | undefined>, now: Date): Promise<void> {
    const wanted = [...new Set([...ids].filter((id): id is string => Boolean(id)))].sort();
    if (wanted.length === 0) return;
    const open: Array<{ id: string; held: number }> = await manager.query(
      'SELECT id, held FROM mass_actions WHERE id = ANY($1) AND finished_at IS NULL ORDER BY id FOR UPDATE',
      [wanted],
    );
    if (open.length === 0) return;
    // Most runs settle requests of a mass action that still has others out: one indexed probe says so, and the
    // tally (a read of all its requests) is left for the run that may be its last.
    const ending: Array<{ id: string }> = await manager.query(
      `SELECT m.id FROM unnest($1::uuid[]) m (id)
       WHERE NOT EXISTS (SELECT 1 FROM ${REQUEST_TABLES[action]} r WHERE r.mass_action_id = m.id AND r.status = 'REQUESTED')`,
      [open.map((row) => row.id)],
    );
    if (ending.length === 0) return;
    const rows: TallyRow[] = await manager.query(tallySql(action), [ending.map((row) => row.id)]);
    const done = rows.filter((row) => row.in_progress === 0);
    if (done.length === 0) return;
    await manager.query('UPDATE mass_actions SET finished_at = $2 WHERE id = ANY($1)', [done.map((row) => row.id), now]);
    const held = new Map(open.map((row) => [row.id, row.held]));
    await this.outbox.enqueueMany(
      manager,
      done.map((row) => ({
        type: 'nhi.mass-action.finished' as const,
        subject: row.id,
        data: {
          massActionId: row.id,
          action,
          finishedAt: now.toISOString(),
          requested: row.requested,
          completed: row.completed,
          failed: row.failed,
          timedOut: row.timed_out,
          held: held.get(row.id) ?? 0,
        },
      })),
    );
  }
}
