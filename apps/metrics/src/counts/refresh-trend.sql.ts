import { day, replaceRows } from './refresh-governance.sql';

/** identity_trend's columns, in table order. */
const COLUMNS = 'identity_id, live, business_unit, ownership, attested_at, overdue, managed, open_findings, open_expiries';

/**
 * What one identity_trend row (`g`) counts towards in the daily snapshots:
 * (measure, bucket, n). Only live identities count, as in the snapshots.
 * Attestations and exception expiries are by UTC day: a snapshot cuts them at
 * a midnight, between two buckets.
 */
const CONTRIBUTIONS = `
  SELECT 'identities' AS measure, '' AS bucket, 1::bigint AS n WHERE g.live
  UNION ALL SELECT 'owned', '', 1 WHERE g.live AND g.ownership = 'OWNED'
  UNION ALL SELECT 'orphaned', '', 1 WHERE g.live AND g.ownership = 'ORPHANED'
  UNION ALL SELECT 'attested', ${day('g.attested_at')}, 1 WHERE g.live AND g.ownership = 'OWNED' AND g.attested_at IS NOT NULL
  UNION ALL SELECT 'overdue', '', 1 WHERE g.live AND g.overdue
  UNION ALL SELECT 'managed', '', 1 WHERE g.live AND g.managed
  UNION ALL SELECT 'open_findings', '', g.open_findings::bigint WHERE g.live AND g.open_findings > 0
  UNION ALL SELECT 'open_exceptions', ${day('x')}, 1 FROM unnest(g.open_expiries) x WHERE g.live`;

/**
 * The daily snapshots' running totals. Recomputes the identity_trend rows of
 * the identities in $1 (every identity the history knows of when $1 is NULL)
 * from their state_history, the way a snapshot reads it (each attribute's
 * latest entry, by time and then by seq), and moves governance_counts' trend
 * rows by the difference: rollup 'trend-unit' per business unit as the
 * history says it (not identity_facts'), and 'trend-all'. The facts tables
 * and the history apply late and out-of-order events by different rules, so
 * the snapshots cannot be taken from the facts' totals (docs/adr/0021).
 * The snapshot job runs it for the identities facts runs marked
 * (DailySnapshots.refreshTrends), and the migration for all; it changes count
 * rows in key order.
 */
export const REFRESH_TREND_SQL = `
  WITH ids AS (
    SELECT DISTINCT identity_id FROM unnest($1::uuid[]) AS identity_id WHERE $1::uuid[] IS NOT NULL
    UNION
    SELECT identity_id FROM state_history WHERE $1::uuid[] IS NULL),
  latest AS (
    SELECT DISTINCT ON (h.identity_id, h.attribute) h.identity_id, h.attribute, h.value, h.until, h.at
    FROM state_history h JOIN ids USING (identity_id)
    ORDER BY h.identity_id, h.attribute, h.at DESC, h.seq DESC),
  fresh AS (
    SELECT identity_id,
      coalesce(max(value) FILTER (WHERE attribute = 'live') = '1', false) AS live,
      max(value) FILTER (WHERE attribute = 'business_unit') AS business_unit,
      max(value) FILTER (WHERE attribute = 'ownership') AS ownership,
      max(at) FILTER (WHERE attribute = 'attested') AS attested_at,
      coalesce(max(value) FILTER (WHERE attribute = 'overdue') = '1', false) AS overdue,
      coalesce(max(value) FILTER (WHERE attribute = 'managed') = '1', false) AS managed,
      count(*) FILTER (WHERE attribute LIKE 'finding:%' AND value = '1')::int AS open_findings,
      coalesce(array_agg(until ORDER BY until) FILTER (
        WHERE attribute LIKE 'exception:%' AND value IN ('REQUESTED', 'APPROVED') AND until IS NOT NULL), '{}') AS open_expiries
    FROM latest GROUP BY identity_id),
  ${replaceRows('identity_trend', COLUMNS)},
  deltas AS (
    SELECT CASE WHEN grouping(g.business_unit) = 1 THEN 'trend-all' ELSE 'trend-unit' END AS rollup,
      g.business_unit, c.measure, c.bucket, sum(c.n * g.sign) AS n
    FROM (SELECT fresh.*, 1 AS sign FROM fresh UNION ALL SELECT old.*, -1 FROM old) g
    CROSS JOIN LATERAL (${CONTRIBUTIONS}) c
    GROUP BY GROUPING SETS ((g.business_unit, c.measure, c.bucket), (c.measure, c.bucket))
    HAVING sum(c.n * g.sign) <> 0)
  INSERT INTO governance_counts (rollup, business_unit, kind, measure, bucket, n)
  SELECT rollup, business_unit, NULL, measure, bucket, n FROM deltas
  ORDER BY rollup, business_unit NULLS FIRST, measure, bucket
  ON CONFLICT (rollup, business_unit, kind, measure, bucket) DO UPDATE SET n = governance_counts.n + EXCLUDED.n`;
