import type { EntityManager } from 'typeorm';
import type { IdentityStatus, NhiEnvironment, NhiKind, PrivilegeLevel } from '@nhi/contracts';
import type { IdentityState } from './identity-state';

export interface NaturalKey {
  provider: string;
  externalId: string;
}

export const naturalKey = (key: NaturalKey): string => `${key.provider}\n${key.externalId}`;

interface IdentityRow {
  id: string;
  provider: string;
  external_id: string;
  kind: NhiKind;
  name: string;
  environment: NhiEnvironment;
  environment_inferred: boolean;
  system: string | null;
  business_unit: string | null;
  scopes: string[];
  used_scopes: string[] | null;
  privilege_level: PrivilegeLevel | null;
  tags: Record<string, string>;
  created_at: Date | null;
  last_used_at: Date | null;
  expires_at: Date | null;
  credential_fingerprint: string | null;
  auth_method: string | null;
  interactive_use: boolean;
  status: IdentityStatus;
  first_seen_at: Date;
  last_seen_at: Date;
}

const COLUMNS = `i.id, i.provider, i.external_id, i.kind, i.name, i.environment, i.environment_inferred, i.system, i.business_unit,
  i.scopes, i.used_scopes, i.privilege_level, i.tags, i.created_at, i.last_used_at, i.expires_at, i.credential_fingerprint,
  i.auth_method, i.interactive_use, i.status, i.first_seen_at, i.last_seen_at`;

function toState(row: IdentityRow): IdentityState {
  return {
    id: row.id,
    provider: row.provider,
    externalId: row.external_id,
    kind: row.kind,
    name: row.name,
    environment: row.environment,
    environmentInferred: row.environment_inferred,
    system: row.system,
    businessUnit: row.business_unit,
    scopes: row.scopes,
    usedScopes: row.used_scopes,
    privilegeLevel: row.privilege_level,
    tags: row.tags,
    createdAt: row.created_at,
    lastUsedAt: row.last_used_at,
    expiresAt: row.expires_at,
    credentialFingerprint: row.credential_fingerprint,
    authMethod: row.auth_method,
    interactiveUse: row.interactive_use,
    status: row.status,
    firstSeenAt: row.first_seen_at,
    lastSeenAt: row.last_seen_at,
  };
}

const iso = (date: Date | null) => date?.toISOString() ?? null;

/** Column arrays for unnest(): one statement writes a whole chunk. Lists travel as JSON (unnest flattens nested arrays). */
function columns(states: readonly IdentityState[]): unknown[] {
  return [
    states.map((s) => s.id),
    states.map((s) => s.provider),
    states.map((s) => s.externalId),
    states.map((s) => s.kind),
    states.map((s) => s.name),
    states.map((s) => s.environment),
    states.map((s) => s.environmentInferred),
    states.map((s) => s.system),
    states.map((s) => s.businessUnit),
    states.map((s) => JSON.stringify(s.scopes)),
    states.map((s) => (s.usedScopes ? JSON.stringify(s.usedScopes) : null)),
    states.map((s) => s.privilegeLevel),
    states.map((s) => JSON.stringify(s.tags)),
    states.map((s) => iso(s.createdAt)),
    states.map((s) => iso(s.lastUsedAt)),
    states.map((s) => iso(s.expiresAt)),
    states.map((s) => s.credentialFingerprint),
    states.map((s) => s.authMethod),
    states.map((s) => s.interactiveUse),
    states.map((s) => s.status),
    states.map((s) => iso(s.firstSeenAt)),
    states.map((s) => iso(s.lastSeenAt)),
  ];
}

const UNNEST = `unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::boolean[], $8::text[], $9::text[],
  $10::text[], $11::text[], $12::text[], $13::text[], $14::timestamptz[], $15::timestamptz[], $16::timestamptz[], $17::text[],
  $18::text[], $19::boolean[], $20::text[], $21::timestamptz[], $22::timestamptz[])
  AS v(id, provider, external_id, kind, name, environment, environment_inferred, system, business_unit, scopes, used_scopes,
       privilege_level, tags, created_at, last_used_at, expires_at, credential_fingerprint, auth_method, interactive_use, status,
       first_seen_at, last_seen_at)`;

const jsonList = (column: string) => `ARRAY(SELECT jsonb_array_elements_text(${column}::jsonb))`;

/** Set-based reads and writes of identity rows for the ingest pipeline. */
export const identityStore = {
  /** The known identities of a chunk, locked until the transaction ends so concurrent sightings merge in turn. */
  async lockByNaturalKeys(manager: EntityManager, keys: readonly NaturalKey[]): Promise<Map<string, IdentityState>> {
    if (keys.length === 0) return new Map();
    const rows: IdentityRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM identities i
       JOIN unnest($1::text[], $2::text[]) AS k(provider, external_id) USING (provider, external_id)
       ORDER BY i.id FOR UPDATE OF i`,
      [keys.map((k) => k.provider), keys.map((k) => k.externalId)],
    );
    return new Map(rows.map((row) => [naturalKey({ provider: row.provider, externalId: row.external_id }), toState(row)]));
  },

  async findByIds(manager: EntityManager, ids: readonly string[]): Promise<IdentityState[]> {
    if (ids.length === 0) return [];
    const rows: IdentityRow[] = await manager.query(`SELECT ${COLUMNS} FROM identities i WHERE i.id = ANY($1::uuid[])`, [ids]);
    return rows.map(toState);
  },

  /** Inserts new identities; returns the ids that were inserted (a concurrent ingest may have won a key). */
  async insert(manager: EntityManager, states: readonly IdentityState[]): Promise<Set<string>> {
    if (states.length === 0) return new Set();
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO identities (id, provider, external_id, kind, name, environment, environment_inferred, system, business_unit,
         scopes, used_scopes, privilege_level, tags, created_at, last_used_at, expires_at, credential_fingerprint, auth_method,
         interactive_use, status, first_seen_at, last_seen_at)
       SELECT id, provider, external_id, kind, name, environment, environment_inferred, system, business_unit,
         ${jsonList('scopes')}, CASE WHEN used_scopes IS NULL THEN NULL ELSE ${jsonList('used_scopes')} END, privilege_level,
         tags::jsonb, created_at, last_used_at, expires_at, credential_fingerprint, auth_method, interactive_use, status,
         first_seen_at, last_seen_at
       FROM ${UNNEST}
       ON CONFLICT (provider, external_id) DO NOTHING
       RETURNING id`,
      columns(states),
    );
    return new Set(rows.map((r) => r.id));
  },

  async update(manager: EntityManager, states: readonly IdentityState[]): Promise<void> {
    if (states.length === 0) return;
    await manager.query(
      `UPDATE identities i SET kind = v.kind, name = v.name, environment = v.environment,
         environment_inferred = v.environment_inferred, system = v.system, business_unit = v.business_unit,
         scopes = ${jsonList('v.scopes')}, used_scopes = CASE WHEN v.used_scopes IS NULL THEN NULL ELSE ${jsonList('v.used_scopes')} END,
         privilege_level = v.privilege_level, tags = v.tags::jsonb, created_at = v.created_at, last_used_at = v.last_used_at,
         expires_at = v.expires_at, credential_fingerprint = v.credential_fingerprint, auth_method = v.auth_method,
         interactive_use = v.interactive_use, status = v.status, last_seen_at = v.last_seen_at
       FROM ${UNNEST}
       WHERE i.id = v.id`,
      columns(states),
    );
  },

  /** Identities seen again with nothing new: only the time they were last seen moves. */
  async touch(manager: EntityManager, ids: readonly string[], seenAt: Date): Promise<void> {
    if (ids.length === 0) return;
    await manager.query('UPDATE identities SET last_seen_at = $2 WHERE id = ANY($1::uuid[]) AND last_seen_at < $2', [ids, seenAt]);
  },

  /** One sighting per identity and source; a full snapshot stamps the ones it includes. */
  async recordSightings(
    manager: EntityManager,
    ids: readonly string[],
    source: string,
    seenAt: Date,
    snapshotId: string | null,
  ): Promise<void> {
    if (ids.length === 0) return;
    await manager.query(
      `INSERT INTO identity_sightings (identity_id, source, first_seen_at, seen_at, missed_snapshots, last_snapshot_id)
       SELECT id, $2, $3, $3, 0, $4 FROM unnest($1::uuid[]) AS s(id)
       ON CONFLICT (identity_id, source) DO UPDATE
         SET seen_at = excluded.seen_at, missed_snapshots = 0,
             last_snapshot_id = COALESCE(excluded.last_snapshot_id, identity_sightings.last_snapshot_id)`,
      [ids, source, seenAt, snapshotId],
    );
  },
};
