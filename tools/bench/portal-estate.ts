import { NHI_KINDS } from '@nhi/contracts';

/**
 * A `size`-identity estate written straight into each subgraph's tables with
 * set-based SQL, for a benchmark of reads: the event path is measured by
 * bench:ingest and bench:metrics, and a million identities through it would
 * take most of an hour before a single page could be read. The same identity
 * ids in every database, as the events would leave them: inventory's rows,
 * ownership's (80% owned by one of 2,000 teams, 15% unassigned, 5% orphaned),
 * lifecycle's, exceptions' (one approved exception per 20 identities, one
 * rejected per 50), and metrics' search rows, which say the same and add open
 * findings (NHI7 on one in 9, of every severity; a critical NHI2 on one in 23)
 * and an expiry on one in 7. Statements run after the services migrated their databases.
 */
// Every kind but OTHER, which stands for a source's word the platform does not know.
const KINDS = NHI_KINDS.filter((kind) => kind !== 'OTHER');
const ENVIRONMENTS = ['PRODUCTION', 'STAGING', 'DEVELOPMENT', 'TEST'];
const PRIVILEGES = ['LOW', 'MEDIUM', 'HIGH', 'ADMIN'];
const TEAMS = 2_000;

const sqlArray = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(',')}]`;
/** The i-th identity's id, the same in every database. */
const identityId = `md5('identity-' || i)::uuid`;
const teamId = (expression: string) => `md5('team-' || (${expression}))::uuid`;

export type PortalDatabase = 'inventory' | 'ownership' | 'lifecycle' | 'exceptions' | 'metrics';

export function portalEstateSql(size: number): Record<PortalDatabase, string[]> {
  const series = `generate_series(1, ${size}) AS i`;
  return {
    inventory: [
      `INSERT INTO identities (id, kind, name, provider, external_id, environment, system, business_unit, privilege_level,
                               status, first_seen_at, last_seen_at, last_used_at, created_at, tags)
       SELECT ${identityId}, (${sqlArray(KINDS)})[1 + i % ${KINDS.length}], 'svc-' || md5('name-' || i), 'aws',
              'arn:aws:iam::000000000000:role/bench-' || i, (${sqlArray(ENVIRONMENTS)})[1 + i % ${ENVIRONMENTS.length}],
              'system-' || (i % 300), 'bu-' || (i % 40), (${sqlArray(PRIVILEGES)})[1 + i % ${PRIVILEGES.length}], 'ACTIVE',
              now() - interval '200 days', now() - (i % 30) * interval '1 day', now() - (i % 90) * interval '1 day',
              now() - (i % 700) * interval '1 day', jsonb_build_object('team', 'team-' || (i % ${TEAMS}))
       FROM ${series}`,
    ],
    ownership: [
      `INSERT INTO owners (id, external_ref, kind, name, email, business_unit, active, updated_at)
       SELECT ${teamId('t')}, 'team-' || t, 'TEAM', 'Team ' || t, 'team-' || t || '@example.com', 'bu-' || (t % 40), true, now()
       FROM generate_series(0, ${TEAMS - 1}) AS t`,
      `INSERT INTO identity_ownership (identity_id, owner_id, status, orphaned_at, business_unit, name, kind, provider, external_id,
                                       system, environment, tags, updated_at)
       SELECT ${identityId},
              CASE WHEN i % 20 < 16 THEN ${teamId(`i % ${TEAMS}`)} END,
              CASE WHEN i % 20 < 16 THEN 'OWNED' WHEN i % 20 < 19 THEN 'UNASSIGNED' ELSE 'ORPHANED' END,
              CASE WHEN i % 20 = 19 THEN now() - interval '1 day' END,
              'bu-' || (i % 40), 'svc-' || md5('name-' || i), (${sqlArray(KINDS)})[1 + i % ${KINDS.length}], 'aws',
              'arn:aws:iam::000000000000:role/bench-' || i, 'system-' || (i % 300),
              (${sqlArray(ENVIRONMENTS)})[1 + i % ${ENVIRONMENTS.length}], jsonb_build_object('team', 'team-' || (i % ${TEAMS})), now()
       FROM ${series}`,
    ],
    lifecycle: [
      `INSERT INTO identity_lifecycle (identity_id, kind, provider, external_id, environment, privilege_level, state,
                                       credential_created_at, last_rotated_at, next_rotation_due_at, business_unit, registered_at, system)
       SELECT ${identityId}, (${sqlArray(KINDS)})[1 + i % ${KINDS.length}], 'aws', 'arn:aws:iam::000000000000:role/bench-' || i,
              (${sqlArray(ENVIRONMENTS)})[1 + i % ${ENVIRONMENTS.length}], (${sqlArray(PRIVILEGES)})[1 + i % ${PRIVILEGES.length}],
              CASE WHEN i % 10 = 0 THEN 'ROTATION_DUE' ELSE 'ACTIVE' END,
              now() - (i % 700) * interval '1 day', CASE WHEN i % 3 = 0 THEN now() - (i % 80) * interval '1 day' END,
              CASE WHEN i % 10 = 0 THEN now() - (i % 30) * interval '1 day' ELSE now() + (i % 90 + 1) * interval '1 day' END, 'bu-' || (i % 40), now() - interval '200 days', 'system-' || (i % 300)
       FROM ${series}`,
    ],
    exceptions: [
      `INSERT INTO known_identities (identity_id, business_unit, system, registered_at)
       SELECT ${identityId}, 'bu-' || (i % 40), 'system-' || (i % 300), now() - interval '200 days' FROM ${series}`,
      `INSERT INTO policy_exceptions (id, identity_id, control, justification, status, requested_by, requested_at, decided_by,
                                      decided_at, expires_at)
       SELECT md5('exception-' || i)::uuid, ${identityId}, CASE WHEN i % 40 = 0 THEN 'ROTATION' ELSE 'NHI7' END,
              'Vendor integration cannot rotate until the next release', 'APPROVED', 'requester', now() - interval '5 days',
              'approver', now() - interval '4 days', now() + (i % 60 + 1) * interval '1 day'
       FROM ${series} WHERE i % 20 = 0`,
      `INSERT INTO policy_exceptions (id, identity_id, control, justification, status, requested_by, requested_at, decided_by,
                                      decided_at, expires_at)
       SELECT md5('rejected-' || i)::uuid, ${identityId}, 'OWNERSHIP', 'No owner yet', 'REJECTED', 'requester',
              now() - interval '9 days', 'approver', now() - interval '8 days', now() + interval '30 days'
       FROM ${series} WHERE i % 50 = 7`,
    ],
    metrics: [
      `INSERT INTO identity_search (identity_id, live, name, external_id, tags, kind, provider, environment, business_unit,
                                    privilege_level, ownership_status, owner_id, lifecycle_state, expires_at, findings, tx)
       SELECT ${identityId}, true, 'svc-' || md5('name-' || i), 'arn:aws:iam::000000000000:role/bench-' || i,
              jsonb_build_object('team', 'team-' || (i % ${TEAMS})), (${sqlArray(KINDS)})[1 + i % ${KINDS.length}], 'aws',
              (${sqlArray(ENVIRONMENTS)})[1 + i % ${ENVIRONMENTS.length}], 'bu-' || (i % 40),
              (${sqlArray(PRIVILEGES)})[1 + i % ${PRIVILEGES.length}],
              CASE WHEN i % 20 < 16 THEN 'OWNED' WHEN i % 20 < 19 THEN 'UNASSIGNED' ELSE 'ORPHANED' END,
              CASE WHEN i % 20 < 16 THEN ${teamId(`i % ${TEAMS}`)} END,
              CASE WHEN i % 10 = 0 THEN 'ROTATION_DUE' ELSE 'ACTIVE' END,
              CASE WHEN i % 7 = 0 THEN now() + (i % 365) * interval '1 day' END,
              CASE WHEN i % 9 = 0 THEN jsonb_build_object('NHI7', 1 + i % 4) ELSE '{}'::jsonb END
                || CASE WHEN i % 23 = 0 THEN '{"NHI2": 4}'::jsonb ELSE '{}'::jsonb END,
              pg_current_xact_id()
       FROM ${series}`,
    ],
  };
}
