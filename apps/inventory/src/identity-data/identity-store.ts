import type { EntityManager } from 'typeorm';
import type { IdentityState } from './identity-state';

export interface NaturalKey {
  provider: string;
  externalId: string;
}

export const naturalKey = (key: NaturalKey): string => `${key.provider}\n${key.externalId}`;

/**
 * The column and SQL type of every field of IdentityState. Every statement
 * below is built from this one list, and a field of the state does not compile
 * until it is here, so the state and the SQL cannot drift apart.
 */
const COLUMNS: { readonly [F in keyof IdentityState]-?: readonly [column: string, type: string] } = {
  id: ['id', 'uuid'],
  provider: ['provider', 'text'],
  externalId: ['external_id', 'text'],
  kind: ['kind', 'text'],
  sourceKind: ['source_kind', 'text'],
  name: ['name', 'text'],
  environment: ['environment', 'text'],
  environmentInferred: ['environment_inferred', 'boolean'],
  system: ['system', 'text'],
  businessUnit: ['business_unit', 'text'],
  scopes: ['scopes', 'text[]'],
  usedScopes: ['used_scopes', 'text[]'],
  privilegeLevel: ['privilege_level', 'text'],
  privilegeReasons: ['privilege_reasons', 'jsonb'],
  permissions: ['permissions', 'jsonb'],
  trustedPrincipals: ['trusted_principals', 'text[]'],
  credentials: ['credentials', 'jsonb'],
  mfaEnabled: ['mfa_enabled', 'boolean'],
  neverUsed: ['never_used', 'boolean'],
  tags: ['tags', 'jsonb'],
  createdAt: ['created_at', 'timestamptz'],
  lastUsedAt: ['last_used_at', 'timestamptz'],
  expiresAt: ['expires_at', 'timestamptz'],
  credentialFingerprint: ['credential_fingerprint', 'text'],
  authMethod: ['auth_method', 'text'],
  interactiveUse: ['interactive_use', 'boolean'],
  status: ['status', 'text'],
  firstSeenAt: ['first_seen_at', 'timestamptz'],
  lastSeenAt: ['last_seen_at', 'timestamptz'],
};
const FIELDS = Object.entries(COLUMNS);

/** Every field with its column and SQL type, in one order: for code that writes identity rows another way (the bench's transport probe). */
export const IDENTITY_COLUMNS: ReadonlyArray<readonly [field: keyof IdentityState, column: string, type: string]> = FIELDS.map(
  ([field, [column, type]]) => [field as keyof IdentityState, column, type] as const,
);

/** Each column under its field's name: the rows come back as IdentityState, with nothing to copy. */
const SELECT = FIELDS.map(([field, [column]]) => `i.${column} AS "${field}"`).join(', ');
const INSERT_COLUMNS = FIELDS.map(([, [column]]) => column).join(', ');
const INSERT_VALUES = FIELDS.map(([field]) => `v."${field}"`).join(', ');

/**
 * A whole chunk travels as one JSON document, read back with json_to_recordset:
 * the driver sends one string instead of escaping thousands of array elements,
 * and PostgreSQL parses it once (lists become text[], tags jsonb, dates timestamptz).
 */
const RECORDSET = `json_to_recordset($1::json) AS v(${FIELDS.map(([field, [, type]]) => `"${field}" ${type}`).join(', ')})`;

/** A sighting never changes an identity's id, its natural key or when it was first seen. */
const SET_ONCE = new Set<string>(['id', 'provider', 'externalId', 'firstSeenAt'] satisfies Array<keyof IdentityState>);
const UPDATE_SET = FIELDS.filter(([field]) => !SET_ONCE.has(field))
  .map(([field, [column]]) => `${column} = v."${field}"`)
  .join(', ');

/** Set-based reads and writes of identity rows for the ingest pipeline. */
export const identityStore = {
  /**
   * The known identities of a chunk, locked until the transaction ends so concurrent sightings merge in turn.
   * NO KEY UPDATE: the id never changes, and other writers must still be able to add findings and sightings
   * that reference these rows (a foreign key check takes KEY SHARE) without waiting for this chunk.
   */
  async lockByNaturalKeys(manager: EntityManager, keys: readonly NaturalKey[]): Promise<Map<string, IdentityState>> {
    if (keys.length === 0) return new Map();
    const states: IdentityState[] = await manager.query(
      `SELECT ${SELECT} FROM identities i
       JOIN unnest($1::text[], $2::text[]) AS k(provider, external_id) USING (provider, external_id)
       ORDER BY i.id FOR NO KEY UPDATE OF i`,
      [keys.map((k) => k.provider), keys.map((k) => k.externalId)],
    );
    return new Map(states.map((state) => [naturalKey(state), state]));
  },

  /** Identities by id, locked until the transaction ends. */
  async lockByIds(manager: EntityManager, ids: readonly string[]): Promise<IdentityState[]> {
    if (ids.length === 0) return [];
    return manager.query(`SELECT ${SELECT} FROM identities i WHERE i.id = ANY($1::uuid[]) ORDER BY i.id FOR NO KEY UPDATE OF i`, [ids]);
  },

  async findByIds(manager: EntityManager, ids: readonly string[]): Promise<IdentityState[]> {
    if (ids.length === 0) return [];
    return manager.query(`SELECT ${SELECT} FROM identities i WHERE i.id = ANY($1::uuid[])`, [ids]);
  },

  /** Inserts new identities; returns the ids that were inserted (a concurrent ingest may have won a key). */
  async insert(manager: EntityManager, states: readonly IdentityState[]): Promise<Set<string>> {
    if (states.length === 0) return new Set();
    const rows: Array<{ id: string }> = await manager.query(
      `INSERT INTO identities (${INSERT_COLUMNS}) SELECT ${INSERT_VALUES} FROM ${RECORDSET}
       ON CONFLICT (provider, external_id) DO NOTHING
       RETURNING id`,
      [JSON.stringify(states)],
    );
    return new Set(rows.map((r) => r.id));
  },

  async update(manager: EntityManager, states: readonly IdentityState[]): Promise<void> {
    if (states.length === 0) return;
    await manager.query(`UPDATE identities i SET ${UPDATE_SET} FROM ${RECORDSET} WHERE i.id = v."id"`, [JSON.stringify(states)]);
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
