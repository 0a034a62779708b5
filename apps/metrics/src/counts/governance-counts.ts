import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { REFRESH_GOVERNANCE_SQL } from './refresh-governance.sql';

/** The first key of the advisory locks that serialise refreshes of one identity (the second is a hash of its id). */
const IDENTITY_LOCK_SPACE = 0x6e6869; // 'nhi'

/**
 * Keeps the running totals (governance_counts) in step with the facts tables,
 * in the transaction that changed them.
 */
@Injectable()
export class GovernanceCounts {
  /**
   * Brings the totals up to date with the facts of these identities. Each
   * topic's handler changes its own facts table, so two runs from two topics
   * can be about one identity at once: each takes the identity's lock (in a
   * fixed order, so two runs cannot deadlock) and only then reads the facts,
   * in a statement of its own, so it sees what the other one committed.
   * Call it after writing the facts and the history, last in the
   * transaction: the count rows it changes are shared by every run and stay
   * locked until the commit.
   * The snapshots' totals are not moved here: reading the identities' history
   * again in every run cost a quarter of the apply rate (docs/adr/0021).
   * recordHistory marks the identities for the snapshot job instead.
   */
  async refresh(manager: EntityManager, identityIds: Iterable<string>): Promise<void> {
    const ids = [...new Set(identityIds)];
    if (ids.length === 0) return;
    // JIT off for the transaction: the planner's estimate of the totals statement grows with the tables, and
    // past jit_above_cost PostgreSQL spends over a second compiling a statement that runs in tens of milliseconds.
    await manager.query(
      `SELECT set_config('jit', 'off', true), count(pg_advisory_xact_lock(${IDENTITY_LOCK_SPACE}, k))
       FROM (SELECT DISTINCT hashtext(id::text) AS k FROM unnest($1::uuid[]) id ORDER BY 1) s`,
      [ids],
    );
    await manager.query(REFRESH_GOVERNANCE_SQL, [ids]);
  }
}
