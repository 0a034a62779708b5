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

/**
 * A whole chunk travels as one JSON document, read back with json_to_recordset:
 * the driver sends one string instead of escaping thousands of array elements,
 * and PostgreSQL parses it once (lists become text[], tags jsonb, dates timestamptz).
 */
const RECORDSET = `json_to_recordset($1::json) AS v("id" uuid, "provider" text, "externalId" text, "kind" text, "name" text,
  "environment" text, "environmentInferred" boolean, "system" text, "businessUnit" text, "scopes" text[], "usedScopes" text[],
  "privilegeLevel" text, "tags" jsonb, "createdAt" timestamptz, "lastUsedAt" timestamptz, "expiresAt" timestamptz,
  "credentialFingerprint" text, "authMethod" text, "interactiveUse" boolean, "status" text, "firstSeenAt" timestamptz,
  "lastSeenAt" timestamptz)`;

/** Set-based reads and writes of identity rows for the ingest pipeline. */
export const identityStore = {
  /**
   * The known identities of a chunk, locked until the transaction ends so concurrent sightings merge in turn.
   * NO KEY UPDATE: the id never changes, and other writers must still be able to add findings and sightings
   * that reference these rows (a foreign key check takes KEY SHARE) without waiting for this chunk.
   */
  async lockByNaturalKeys(manager: EntityManager, keys: readonly NaturalKey[]): Promise<Map<string, IdentityState>> {
    if (keys.length === 0) return new Map();
    const rows: IdentityRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM identities i
       JOIN unnest($1::text[], $2::text[]) AS k(provider, external_id) USING (provider, external_id)
       ORDER BY i.id FOR NO KEY UPDATE OF i`,
      [keys.map((k) => k.provider), keys.map((k) => k.externalId)],
    );
    return new Map(rows.map((row) => [naturalKey({ provider: row.provider, externalId: row.external_id }), toState(row)]));
  },

  /** Identities by id, locked until the transaction ends. */
  async lockByIds(manager: EntityManager, ids: readonly string[]): Promise<IdentityState[]> {
    if (ids.length === 0) return [];
    const rows: IdentityRow[] = await manager.query(
      `SELECT ${COLUMNS} FROM identities i WHERE i.id = ANY($1::uuid[]) ORDER BY i.id FOR NO KEY UPDATE OF i`,
      [ids],
    );
    return rows.map(toState);
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
       SELECT v."id", v."provider", v."externalId", v."kind", v."name", v."environment", v."environmentInferred", v."system",
         v."businessUnit", v."scopes", v."usedScopes", v."privilegeLevel", v."tags", v."createdAt", v."lastUsedAt", v."expiresAt",
         v."credentialFingerprint", v."authMethod", v."interactiveUse", v."status", v."firstSeenAt", v."lastSeenAt"
       FROM ${RECORDSET}
       ON CONFLICT (provider, external_id) DO NOTHING
       RETURNING id`,
      [JSON.stringify(states)],
    );
    return new Set(rows.map((r) => r.id));
  },

  async update(manager: EntityManager, states: readonly IdentityState[]): Promise<void> {
    if (states.length === 0) return;
    await manager.query(
      `UPDATE identities i SET kind = v."kind", name = v."name", environment = v."environment",
         environment_inferred = v."environmentInferred", system = v."system", business_unit = v."businessUnit",
         scopes = v."scopes", used_scopes = v."usedScopes", privilege_level = v."privilegeLevel", tags = v."tags",
         created_at = v."createdAt", last_used_at = v."lastUsedAt", expires_at = v."expiresAt",
         credential_fingerprint = v."credentialFingerprint", auth_method = v."authMethod", interactive_use = v."interactiveUse",
         status = v."status", last_seen_at = v."lastSeenAt"
       FROM ${RECORDSET}
       WHERE i.id = v."id"`,
      [JSON.stringify(states)],
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
