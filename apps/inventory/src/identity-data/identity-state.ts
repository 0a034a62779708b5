import type { FieldChange, IdentitySnapshot } from '@nhi/contracts';
import type { IdentityEntity } from './identity.entity';

/**
 * Everything inventory keeps about one identity, as ingest, findings and the
 * consumers read and write it: the stored row but for the decommissioning
 * record, which only a decommission writes.
 */
export type IdentityState = Omit<IdentityEntity, 'decommissionedAt' | 'decommissionedBy' | 'decommissionReason'>;

/**
 * What is known of an identity before any sighting has filled it in. The fields
 * are copied one by one: a spread followed by many new properties is about a
 * hundred times slower in V8 (the object falls back to dictionary mode), and
 * bulk ingest calls this once per new identity.
 */
export function blankIdentityState(
  identity: Pick<IdentityState, 'id' | 'provider' | 'externalId' | 'kind' | 'name'> & { sourceKind?: string | null },
  seenAt: Date,
): IdentityState {
  return {
    id: identity.id,
    provider: identity.provider,
    externalId: identity.externalId,
    kind: identity.kind,
    sourceKind: identity.sourceKind ?? null,
    name: identity.name,
    environment: 'UNKNOWN',
    environmentInferred: false,
    system: null,
    businessUnit: null,
    scopes: [],
    usedScopes: null,
    privilegeLevel: null,
    privilegeReasons: [],
    permissions: null,
    trustedPrincipals: null,
    credentials: null,
    mfaEnabled: null,
    neverUsed: false,
    tags: {},
    createdAt: null,
    lastUsedAt: null,
    expiresAt: null,
    credentialFingerprint: null,
    authMethod: null,
    interactiveUse: false,
    status: 'ACTIVE',
    firstSeenAt: seenAt,
    lastSeenAt: seenAt,
  };
}

/** Fields whose change is an `updated` event (sighting times are not). */
export const TRACKED_FIELDS = [
  'kind',
  'sourceKind',
  'name',
  'environment',
  'environmentInferred',
  'system',
  'businessUnit',
  'scopes',
  'usedScopes',
  'privilegeLevel',
  'privilegeReasons',
  'permissions',
  'trustedPrincipals',
  'credentials',
  'mfaEnabled',
  'neverUsed',
  'tags',
  'createdAt',
  'lastUsedAt',
  'expiresAt',
  'credentialFingerprint',
  'authMethod',
  'interactiveUse',
  'status',
] as const satisfies ReadonlyArray<keyof IdentityState>;

/** JSON with every object's keys in one order, so two equal values compare equal whoever built them. */
function canonicalJson(value: unknown): string {
  return JSON.stringify(value, (_key, item: unknown) =>
    item && typeof item === 'object' && !Array.isArray(item)
      ? Object.fromEntries(Object.entries(item as Record<string, unknown>).sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)))
      : item,
  );
}

/**
 * Whether two field values are the same: dates by instant, lists in order, tags
 * key by key whatever their order. Written out rather than serialised, because
 * a re-ingest compares every field of every identity it sees.
 */
function sameValue(a: unknown, b: unknown): boolean {
  if (a === b || ((a === null || a === undefined) && (b === null || b === undefined))) return true;
  // Lists of objects (credentials, statements, reasons): PostgreSQL's jsonb hands keys back in its own order.
  if (Array.isArray(a) && Array.isArray(b) && (typeof a[0] === 'object' || typeof b[0] === 'object')) {
    return canonicalJson(a) === canonicalJson(b);
  }
  if (a instanceof Date || b instanceof Date) return a instanceof Date && b instanceof Date && a.getTime() === b.getTime();
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => item === b[i]);
  }
  if (a && b && typeof a === 'object' && typeof b === 'object') {
    const left = a as Record<string, unknown>;
    const right = b as Record<string, unknown>;
    const keys = Object.keys(left);
    return keys.length === Object.keys(right).length && keys.every((key) => Object.hasOwn(right, key) && left[key] === right[key]);
  }
  return false;
}

function eventValue(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : (value ?? null);
}

export function changesBetween(before: IdentityState, after: IdentityState): FieldChange[] {
  return TRACKED_FIELDS.filter((field) => !sameValue(before[field], after[field])).map((field) => ({
    field,
    previous: eventValue(before[field]),
    current: eventValue(after[field]),
  }));
}

/** The identity as events carry it: metadata only. */
export function snapshotOf(state: IdentityState): IdentitySnapshot {
  return {
    id: state.id,
    kind: state.kind,
    name: state.name,
    provider: state.provider,
    externalId: state.externalId,
    environment: state.environment,
    environmentInferred: state.environmentInferred,
    system: state.system,
    businessUnit: state.businessUnit,
    privilegeLevel: state.privilegeLevel,
    scopes: state.scopes,
    tags: state.tags,
    createdAt: state.createdAt?.toISOString() ?? null,
    lastUsedAt: state.lastUsedAt?.toISOString() ?? null,
    expiresAt: state.expiresAt?.toISOString() ?? null,
    credentialFingerprint: state.credentialFingerprint,
    status: state.status,
    sourceKind: state.sourceKind,
    ...(state.credentials === null
      ? {}
      : {
          credentials: state.credentials.map(({ id, type, externalId, status, expiresAt, lastRotatedAt }) => ({
            id,
            type,
            externalId,
            status,
            expiresAt,
            lastRotatedAt,
          })),
        }),
  };
}
