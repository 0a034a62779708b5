/** identity_governance's columns, in table order. */
const COLUMNS = `identity_id, known, live, business_unit, kind, environment, provider, has_system, has_privilege, ownership_status,
  attested_at, due_since, managed, age_base, revocation_lead_seconds, findings, open_expiries, approved_expiries, expired, updated_at`;

/** The UTC day of a timestamp column, as governance_counts' daily buckets key it (YYYY-MM-DD). */
export const day = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD')`;

/**
 * What one identity_governance row (`g`) counts towards: (measure, bucket, n).
 * Exceptions that expired and approved ones count for any identity metrics
 * knows of, as exceptionCounts always did; the rest only for live ones.
 * The one-per-row measures are a single unnest of parallel arrays, n NULL
 * where a row does not count: a UNION of a subquery per measure cost a plan
 * node per measure for every row, a fifth of a refresh (docs/adr/0021).
 */
const CONTRIBUTIONS = `
  SELECT c.measure, c.bucket, c.n FROM unnest(
    ARRAY['expired_exceptions', 'revocation', 'identities', 'environment', 'provider', 'owned', 'orphaned', 'attested',
          'overdue', 'managed', 'with_system', 'with_privilege', 'age'],
    ARRAY['', floor(g.revocation_lead_seconds / 3600)::bigint::text, '', g.environment, g.provider, '', '', ${day('g.attested_at')},
          ${day('g.due_since')}, '', '', '', ${day('g.age_base')}],
    ARRAY[CASE WHEN g.known AND g.expired > 0 THEN g.expired END,
          CASE WHEN g.known AND g.revocation_lead_seconds IS NOT NULL THEN 1 END,
          CASE WHEN g.live THEN 1 END,
          CASE WHEN g.live THEN 1 END,
          CASE WHEN g.live THEN 1 END,
          CASE WHEN g.live AND g.ownership_status = 'OWNED' THEN 1 END,
          CASE WHEN g.live AND g.ownership_status = 'ORPHANED' THEN 1 END,
          CASE WHEN g.live AND g.attested_at IS NOT NULL THEN 1 END,
          CASE WHEN g.live AND g.due_since IS NOT NULL THEN 1 END,
          CASE WHEN g.live AND g.managed THEN 1 END,
          CASE WHEN g.live AND g.has_system THEN 1 END,
          CASE WHEN g.live AND g.has_privilege THEN 1 END,
          CASE WHEN g.live AND g.age_base IS NOT NULL THEN 1 END]::bigint[]) c (measure, bucket, n)
  WHERE c.n IS NOT NULL
  UNION ALL SELECT 'approved', ${day('x')}, 1 FROM unnest(g.approved_expiries) x WHERE g.known
  UNION ALL SELECT v.measure, f.key, v.n FROM jsonb_each_text(g.findings) f
    CROSS JOIN LATERAL (VALUES ('finding_identities', 1::bigint), ('open_findings', f.value::bigint)) v (measure, n) WHERE g.live
  UNION ALL SELECT 'open_exceptions', ${day('x')}, 1 FROM unnest(g.open_expiries) x WHERE g.live`;

/**
 * Two CTEs of a refresh: `old`, the rows of `table` (keyed by identity_id)
 * that the identities in `ids` had, and `saved`, which replaces them with
 * `fresh`'s. The statement's other CTEs still see the old rows.
 */
export function replaceRows(table: string, columns: string): string {
  const others = columns
    .split(',')
    .map((column) => column.trim())
    .filter((column) => column !== 'identity_id');
  return `old AS (
    SELECT ${columns} FROM ${table} JOIN ids USING (identity_id)),
  saved AS (
    INSERT INTO ${table} (${columns}) SELECT ${columns} FROM fresh
    ON CONFLICT (identity_id) DO UPDATE SET
      (${others.join(', ')}) = (${others.map((column) => `EXCLUDED.${column}`).join(', ')}))`;
}

/**
 * Recomputes the identity_governance rows of the identities in $1 (every
 * identity the facts know of when $1 is NULL) from the facts tables, and
 * moves governance_counts by the difference between what they counted
 * towards before and what they count towards now. The caller holds each
 * identity's lock (GovernanceCounts.refresh), so the facts it reads are the
 * committed ones plus its own. Count rows are changed in key order, so two
 * transactions never wait on each other's rows in opposite orders.
 */
export const REFRESH_GOVERNANCE_SQL = `
  WITH ids AS (
    SELECT DISTINCT identity_id FROM unnest($1::uuid[]) AS identity_id WHERE $1::uuid[] IS NOT NULL
    UNION
    SELECT identity_id FROM identity_facts WHERE $1::uuid[] IS NULL
    UNION
    SELECT identity_id FROM ownership_facts WHERE $1::uuid[] IS NULL
    UNION
    SELECT identity_id FROM lifecycle_facts WHERE $1::uuid[] IS NULL
    UNION
    SELECT identity_id FROM exception_facts WHERE $1::uuid[] IS NULL
    UNION
    SELECT identity_id FROM finding_facts WHERE $1::uuid[] IS NULL),
  fresh AS (
    SELECT i.identity_id,
      s.identity_id IS NOT NULL AS known,
      coalesce(s.status <> 'DECOMMISSIONED', false) AS live,
      s.business_unit, s.kind, s.environment, s.provider,
      s.system IS NOT NULL AS has_system,
      s.privilege_level IS NOT NULL AS has_privilege,
      o.ownership_status,
      CASE WHEN o.ownership_status = 'OWNED' THEN o.last_attested_at END AS attested_at,
      l.due_since,
      coalesce(l.managed, false) AS managed,
      coalesce(l.last_rotated_at, s.credential_created_at, s.registered_at) AS age_base,
      CASE WHEN l.revoked_at IS NOT NULL AND l.revocation_requested_at IS NOT NULL
           THEN extract(epoch FROM l.revoked_at - l.revocation_requested_at)::double precision END AS revocation_lead_seconds,
      coalesce(f.findings, '{}'::jsonb) AS findings,
      coalesce(e.open_expiries, '{}') AS open_expiries,
      coalesce(e.approved_expiries, '{}') AS approved_expiries,
      coalesce(e.expired, 0) AS expired,
      greatest(s.updated_at, o.updated_at, l.updated_at, f.updated_at, e.updated_at) AS updated_at
    FROM ids i
    LEFT JOIN identity_facts s USING (identity_id)
    LEFT JOIN ownership_facts o USING (identity_id)
    LEFT JOIN lifecycle_facts l USING (identity_id)
    LEFT JOIN LATERAL (
      SELECT jsonb_object_agg(c.category, c.n) FILTER (WHERE c.n > 0) AS findings, max(c.updated_at) AS updated_at
      FROM (SELECT ff.category, count(*) FILTER (WHERE ff.closed_at IS NULL) AS n, max(ff.updated_at) AS updated_at
            FROM finding_facts ff WHERE ff.identity_id = i.identity_id GROUP BY ff.category) c) f ON true
    LEFT JOIN LATERAL (
      SELECT array_agg(ef.expires_at ORDER BY ef.expires_at) FILTER (WHERE ef.status IN ('REQUESTED', 'APPROVED')) AS open_expiries,
             array_agg(ef.expires_at ORDER BY ef.expires_at) FILTER (WHERE ef.status = 'APPROVED') AS approved_expiries,
             count(*) FILTER (WHERE ef.status = 'EXPIRED')::int AS expired,
             max(ef.updated_at) AS updated_at
      FROM exception_facts ef WHERE ef.identity_id = i.identity_id) e ON true),
  ${replaceRows('identity_governance', COLUMNS)},
  fine AS (
    -- Each identity's old row counted -1 and its fresh one +1, summed at the finest level first: what did not
    -- change cancels here, and the rollups below group a few hundred rows instead of every contribution.
    SELECT g.business_unit, g.kind, c.measure, c.bucket, sum(c.n * g.sign) AS n
    FROM (SELECT fresh.*, 1 AS sign FROM fresh UNION ALL SELECT old.*, -1 FROM old) g
    CROSS JOIN LATERAL (${CONTRIBUTIONS}) c
    GROUP BY 1, 2, 3, 4
    HAVING sum(c.n * g.sign) <> 0),
  deltas AS (
    SELECT (ARRAY['unit-kind', 'unit', 'kind', 'all'])[grouping(business_unit, kind) + 1] AS rollup,
      business_unit, kind, measure, bucket, sum(n) AS n
    FROM fine
    GROUP BY GROUPING SETS ((business_unit, kind, measure, bucket), (business_unit, measure, bucket), (kind, measure, bucket), (measure, bucket))
    -- Per unit and kind, only the live identities (a unit's breakdown by kind): no query reads more at that level,
    -- and it has the most rows of all.
    HAVING sum(n) <> 0 AND (grouping(business_unit, kind) > 0 OR measure = 'identities'))
  INSERT INTO governance_counts (rollup, business_unit, kind, measure, bucket, n)
  SELECT rollup, business_unit, kind, measure, bucket, n FROM deltas
  ORDER BY rollup, business_unit NULLS FIRST, kind NULLS FIRST, measure, bucket
  ON CONFLICT (rollup, business_unit, kind, measure, bucket) DO UPDATE SET n = governance_counts.n + EXCLUDED.n`;
