import { addDays, dayKey } from '../counts/buckets';

/** governance_snapshots' figures, in table order: what both ways of taking a snapshot give, per scope. */
export const SNAPSHOT_COLUMNS = 'identities, owned, orphaned, attested, overdue, managed, open_exceptions, open_findings';

/**
 * Each scope's figures at the end of a day ($1, the next midnight), from
 * state_history as it stood then: every identity's latest entry of each
 * attribute before $1 (by time, then seq), the live ones counted per business
 * unit and for the estate (whose row is there even with no identity). $2 is
 * where the attestation window starts. A scan of the whole history before $1.
 */
export const SNAPSHOT_FROM_HISTORY_SQL = `
  WITH latest AS (
    SELECT DISTINCT ON (identity_id, attribute) identity_id, attribute, value, until, at
    FROM state_history WHERE at < $1
    ORDER BY identity_id, attribute, at DESC, seq DESC),
  identity AS (
    SELECT identity_id,
      max(value) FILTER (WHERE attribute = 'live') AS live,
      max(value) FILTER (WHERE attribute = 'business_unit') AS business_unit,
      max(value) FILTER (WHERE attribute = 'ownership') AS ownership,
      max(at) FILTER (WHERE attribute = 'attested') AS attested_at,
      max(value) FILTER (WHERE attribute = 'overdue') AS overdue,
      max(value) FILTER (WHERE attribute = 'managed') AS managed,
      count(*) FILTER (WHERE attribute LIKE 'finding:%' AND value = '1') AS findings,
      count(*) FILTER (WHERE attribute LIKE 'exception:%' AND value IN ('REQUESTED', 'APPROVED') AND until >= $1) AS exceptions
    FROM latest GROUP BY identity_id)
  SELECT CASE WHEN grouping(business_unit) = 1 THEN 'estate' ELSE 'bu:' || coalesce(business_unit, '') END AS scope,
    count(*)::int AS identities,
    count(*) FILTER (WHERE ownership = 'OWNED')::int AS owned,
    count(*) FILTER (WHERE ownership = 'ORPHANED')::int AS orphaned,
    count(*) FILTER (WHERE ownership = 'OWNED' AND attested_at >= $2)::int AS attested,
    count(*) FILTER (WHERE overdue = '1')::int AS overdue,
    count(*) FILTER (WHERE managed = '1')::int AS managed,
    coalesce(sum(exceptions), 0)::int AS open_exceptions,
    coalesce(sum(findings), 0)::int AS open_findings
  FROM identity WHERE live = '1'
  GROUP BY GROUPING SETS ((business_unit), ())`;

/**
 * The same figures from the snapshots' running totals (governance_counts'
 * 'trend-unit' and 'trend-all' rows, REFRESH_TREND_SQL), with the same scopes:
 * the figures after every entry of the history. Those are the figures at the
 * end of the day ($2) only when no entry is stamped at or after its end
 * (DailySnapshots checks). The window's start is a midnight, so it falls
 * between two daily buckets: attested since the day $1, exceptions expiring
 * after the day $2. A few rows per business unit, plus its attestation days
 * within the window and its exception expiry days ahead, whatever the number
 * of identities.
 */
export const SNAPSHOT_FROM_TOTALS_SQL = `
  SELECT CASE WHEN s.rollup = 'trend-all' THEN 'estate' ELSE 'bu:' || coalesce(s.business_unit, '') END AS scope,
    coalesce(sum(c.n) FILTER (WHERE c.measure = 'identities'), 0)::int AS identities,
    coalesce(sum(c.n) FILTER (WHERE c.measure = 'owned'), 0)::int AS owned,
    coalesce(sum(c.n) FILTER (WHERE c.measure = 'orphaned'), 0)::int AS orphaned,
    coalesce(sum(c.n) FILTER (WHERE c.measure = 'attested'), 0)::int AS attested,
    coalesce(sum(c.n) FILTER (WHERE c.measure = 'overdue'), 0)::int AS overdue,
    coalesce(sum(c.n) FILTER (WHERE c.measure = 'managed'), 0)::int AS managed,
    coalesce(sum(c.n) FILTER (WHERE c.measure = 'open_exceptions'), 0)::int AS open_exceptions,
    coalesce(sum(c.n) FILTER (WHERE c.measure = 'open_findings'), 0)::int AS open_findings
  FROM (SELECT 'trend-all' AS rollup, NULL::text AS business_unit
        UNION ALL
        SELECT rollup, business_unit FROM governance_counts WHERE rollup = 'trend-unit' AND measure = 'identities' AND n > 0) s
  LEFT JOIN governance_counts c ON c.rollup = s.rollup AND c.business_unit IS NOT DISTINCT FROM s.business_unit AND c.kind IS NULL
    AND (c.measure IN ('identities', 'owned', 'orphaned', 'overdue', 'managed', 'open_findings')
      OR (c.measure = 'attested' AND c.bucket >= $1)
      OR (c.measure = 'open_exceptions' AND c.bucket > $2))
  GROUP BY s.rollup, s.business_unit`;

/** Where a day's snapshot is cut: the day's end (the next midnight, UTC) and the start of its attestation window. */
export function snapshotWindow(day: Date, attestationWindowDays: number): { end: Date; attestedFrom: Date } {
  const end = addDays(day, 1);
  return { end, attestedFrom: addDays(end, -attestationWindowDays) };
}

/** SNAPSHOT_FROM_HISTORY_SQL's parameters for a day (its midnight). */
export function historyParameters(day: Date, attestationWindowDays: number): [Date, Date] {
  const { end, attestedFrom } = snapshotWindow(day, attestationWindowDays);
  return [end, attestedFrom];
}

/** SNAPSHOT_FROM_TOTALS_SQL's parameters for a day (its midnight): the first day of the attestation window, and the day. */
export function totalsParameters(day: Date, attestationWindowDays: number): [string, string] {
  return [dayKey(snapshotWindow(day, attestationWindowDays).attestedFrom), dayKey(day)];
}
