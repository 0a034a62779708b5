/** identity_search's columns, in table order (tx is set by the statement). */
export const SEARCH_COLUMNS = `identity_id, live, name, external_id, tags, kind, provider, environment, business_unit, privilege_level,
  ownership_status, owner_id, lifecycle_state, expires_at, findings`;

/** Finding severities, lowest first: identity_search.findings holds each open category's highest, as this rank. */
export const SEVERITY_RANK = `jsonb_build_object('LOW', 1, 'MEDIUM', 2, 'HIGH', 3, 'CRITICAL', 4)`;

/**
 * Recomputes the identity_search rows of the identities in $1 (every identity
 * the facts know of when $1 is NULL) from the facts tables. Each row written
 * carries the writing transaction's id (tx), which is how the search index of
 * every metrics process finds what changed since it last looked
 * (IdentitySearchFeed). Lifecycle state is the credential's latest: revoked
 * or being revoked, a rotation failed for good or under way, expired since
 * its last rotation, due, or none of these (ACTIVE).
 */
export const REFRESH_SEARCH_SQL = `
  WITH ids AS (
    SELECT DISTINCT identity_id FROM unnest($1::uuid[]) AS identity_id WHERE $1::uuid[] IS NOT NULL
    UNION
    SELECT identity_id FROM identity_facts WHERE $1::uuid[] IS NULL)
  INSERT INTO identity_search (${SEARCH_COLUMNS}, tx)
  SELECT i.identity_id,
    coalesce(s.status <> 'DECOMMISSIONED', false),
    s.name, s.external_id, coalesce(s.tags, '{}'::jsonb), s.kind, s.provider, s.environment, s.business_unit, s.privilege_level,
    CASE WHEN s.identity_id IS NOT NULL THEN coalesce(o.ownership_status, 'UNASSIGNED') END, o.owner_id,
    CASE WHEN l.identity_id IS NULL THEN 'ACTIVE'
         WHEN l.revoked_at IS NOT NULL THEN 'REVOKED'
         WHEN l.revocation_requested_at IS NOT NULL THEN 'REVOKING'
         WHEN l.rotation_failed_at IS NOT NULL THEN 'ROTATION_FAILED'
         WHEN l.rotation_requested_at IS NOT NULL THEN 'ROTATING'
         WHEN l.expired_at IS NOT NULL AND (l.last_rotated_at IS NULL OR l.expired_at > l.last_rotated_at) THEN 'EXPIRED'
         WHEN l.due_since IS NOT NULL THEN 'ROTATION_DUE'
         ELSE 'ACTIVE' END,
    s.expires_at,
    coalesce(f.findings, '{}'::jsonb),
    pg_current_xact_id()
  FROM ids i
  LEFT JOIN identity_facts s USING (identity_id)
  LEFT JOIN ownership_facts o USING (identity_id)
  LEFT JOIN lifecycle_facts l USING (identity_id)
  LEFT JOIN LATERAL (
    SELECT jsonb_object_agg(c.category, c.rank) AS findings
    FROM (SELECT ff.category, max(coalesce((${SEVERITY_RANK} ->> ff.severity)::int, 1)) AS rank
          FROM finding_facts ff WHERE ff.identity_id = i.identity_id AND ff.closed_at IS NULL GROUP BY ff.category) c) f ON true
  ON CONFLICT (identity_id) DO UPDATE SET
    (live, name, external_id, tags, kind, provider, environment, business_unit, privilege_level,
     ownership_status, owner_id, lifecycle_state, expires_at, findings, tx) =
    (EXCLUDED.live, EXCLUDED.name, EXCLUDED.external_id, EXCLUDED.tags, EXCLUDED.kind, EXCLUDED.provider, EXCLUDED.environment,
     EXCLUDED.business_unit, EXCLUDED.privilege_level, EXCLUDED.ownership_status, EXCLUDED.owner_id, EXCLUDED.lifecycle_state,
     EXCLUDED.expires_at, EXCLUDED.findings, EXCLUDED.tx)`;
