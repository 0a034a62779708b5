import type { Client } from 'pg';
import { rows, tableExists } from './databases';

/**
 * metrics' read models that applying the events fills, compared between the
 * live database and the rebuild, each as a multiset of (key, value) rows. Not
 * compared: inbox and outbox (bookkeeping), trend_dirty, identity_trend,
 * governance_snapshots, snapshot_progress and governance_counts' trend
 * rollups, which the daily-snapshot job recomputes on its own schedule.
 */
export interface ReadModel {
  table: string;
  /** SQL for the rows, as (k, v) text; `v` null when only presence counts. */
  sql: string;
  /** A value differs by a number (governance_counts' n): a difference counts as that many, lost or doubled. */
  numeric?: boolean;
}

export const READ_MODELS: readonly ReadModel[] = [
  { table: 'identity_facts', sql: 'SELECT identity_id::text AS k, md5(row(t.*)::text) AS v FROM identity_facts t' },
  { table: 'ownership_facts', sql: 'SELECT identity_id::text AS k, md5(row(t.*)::text) AS v FROM ownership_facts t' },
  { table: 'lifecycle_facts', sql: 'SELECT identity_id::text AS k, md5(row(t.*)::text) AS v FROM lifecycle_facts t' },
  { table: 'finding_facts', sql: 'SELECT finding_id::text AS k, md5(row(t.*)::text) AS v FROM finding_facts t' },
  { table: 'exception_facts', sql: 'SELECT exception_id::text AS k, md5(row(t.*)::text) AS v FROM exception_facts t' },
  { table: 'identity_governance', sql: 'SELECT identity_id::text AS k, md5(row(t.*)::text) AS v FROM identity_governance t' },
  {
    // Every column but tx, the writing transaction, which a rebuild cannot share.
    table: 'identity_search',
    sql: `SELECT identity_id::text AS k, md5(json_build_array(live, name, external_id, tags, kind, provider, environment, business_unit,
            privilege_level, ownership_status, owner_id, lifecycle_state, expires_at, findings)::text) AS v FROM identity_search`,
  },
  {
    table: 'identity_timeline',
    sql: `SELECT json_build_array(source, event_id)::text AS k, md5(json_build_array(identity_id, at, kind, event_type, summary, actor)::text) AS v
          FROM identity_timeline`,
  },
  {
    table: 'governance_counts',
    sql: `SELECT json_build_array(rollup, business_unit, kind, measure, bucket)::text AS k, n::text AS v FROM governance_counts
          WHERE n <> 0 AND rollup NOT IN ('trend-unit', 'trend-all')`,
    numeric: true,
  },
  {
    table: 'state_history',
    sql: `SELECT json_build_array(identity_id, attribute, value, until, at)::text AS k, NULL AS v FROM state_history`,
  },
  {
    table: 'audit_records',
    sql: `SELECT id::text AS k, md5(json_build_array(at, actor, roles, service, operation, target_ids, outcome, error_code, error,
            input, details, duration_ms)::text) AS v FROM audit_records`,
  },
  { table: 'dead_letters', sql: `SELECT json_build_array(topic, partition, "offset")::text AS k, event_type AS v FROM dead_letters` },
];

/** A table's rows as multiset: key -> values (one per row with that key). */
export type Rows = Map<string, Array<string | null>>;

export async function readModelRows(db: Client, model: ReadModel): Promise<Rows> {
  const found: Rows = new Map();
  if (!(await tableExists(db, model.table))) return found;
  for (const { k, v } of await rows<{ k: string; v: string | null }>(db, model.sql)) found.set(k, [...(found.get(k) ?? []), v]);
  return found;
}

export interface TableDifference {
  table: string;
  live: number;
  rebuilt: number;
  /** In the rebuild (what the topics say), not in the live database, or less there. */
  lost: number;
  /** In the live database beyond what the topics say. */
  doubled: number;
  /** Keys whose values differ (counted in lost). */
  differing: number;
  examples: string[];
}

const sizeOf = (rowsOf: Rows) => [...rowsOf.values()].reduce((sum, values) => sum + values.length, 0);

/** The live rows against the rebuilt ones: what the topics say, and what the live database holds besides or lacks. */
export function compareRows(model: ReadModel, live: Rows, rebuilt: Rows): TableDifference {
  const difference: TableDifference = {
    table: model.table,
    live: sizeOf(live),
    rebuilt: sizeOf(rebuilt),
    lost: 0,
    doubled: 0,
    differing: 0,
    examples: [],
  };
  const example = (text: string) => {
    if (difference.examples.length < 5) difference.examples.push(text);
  };
  for (const key of new Set([...live.keys(), ...rebuilt.keys()])) {
    const mine = live.get(key) ?? [];
    const theirs = rebuilt.get(key) ?? [];
    if (model.numeric) {
      const delta = Number(mine[0] ?? 0) - Number(theirs[0] ?? 0);
      if (delta > 0) difference.doubled += delta;
      if (delta < 0) difference.lost -= delta;
      if (delta !== 0) example(`${key}: live ${mine[0] ?? 0}, rebuilt ${theirs[0] ?? 0}`);
      continue;
    }
    if (mine.length > theirs.length) {
      difference.doubled += mine.length - theirs.length;
      example(`${key} ${theirs.length === 0 ? 'only live' : `x${mine.length} live, x${theirs.length} rebuilt`}`);
    } else if (mine.length < theirs.length) {
      difference.lost += theirs.length - mine.length;
      example(`${key} ${mine.length === 0 ? 'only rebuilt' : `x${mine.length} live, x${theirs.length} rebuilt`}`);
    } else if ([...mine].sort().join('\n') !== [...theirs].sort().join('\n')) {
      difference.differing += 1;
      difference.lost += 1;
      example(`${key} differs`);
    }
  }
  return difference;
}
