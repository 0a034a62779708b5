import type { FieldChange } from '@nhi/contracts';
import { privilegeOf } from '../classification/privilege-of';
import { mergeCredentials } from './merge-credentials';
import { blankIdentityState, changesBetween, IdentityState } from '../identity-data/identity-state';
import type { NormalisedRow } from './normalised-row';

export interface MergeResult {
  state: IdentityState;
  /** Empty for a new identity and for a sighting that changed nothing. */
  changes: FieldChange[];
  created: boolean;
}

/**
 * Merges one sighting into what is known. The precedence (docs/adr/0007-inventory-merge-precedence.md):
 * - the latest sighting wins for every field it carries; a field it leaves out never erases a known value;
 * - sourceKind goes with kind: a known kind clears the word an OTHER kept; OTHER (a word nobody knows yet)
 *   never replaces a known kind, as a field left out never erases a known value;
 * - an environment a source states beats one inferred from hints, whichever came later;
 * - lastUsedAt only moves forward; tags merge key by key;
 * - privilege is derived from the merged permission statements and scopes; a DECOMMISSIONED identity stays so,
 *   a STALE one is ACTIVE again;
 * - credentials: a source that lists them says which exist now; one that does not leaves them (merge-credentials.ts);
 * - "never used" holds only until a use is known.
 */
export function mergeSighting(existing: IdentityState | null, row: NormalisedRow, id: string, seenAt: Date): MergeResult {
  const previous: IdentityState =
    existing ??
    blankIdentityState(
      { id, provider: row.provider, externalId: row.externalId, kind: row.kind, sourceKind: row.sourceKind, name: row.name },
      seenAt,
    );
  const explicitKnown = existing !== null && previous.environment !== 'UNKNOWN' && !previous.environmentInferred;
  const environment = row.environment
    ? { environment: row.environment, environmentInferred: false }
    : explicitKnown || !row.inferredEnvironment
      ? { environment: previous.environment, environmentInferred: previous.environmentInferred }
      : { environment: row.inferredEnvironment, environmentInferred: true };
  const scopes = row.scopes ?? previous.scopes;
  const kind =
    row.kind === 'OTHER' && existing !== null && previous.kind !== 'OTHER'
      ? { kind: previous.kind, sourceKind: previous.sourceKind }
      : { kind: row.kind, sourceKind: row.sourceKind };
  const lastUsedAt =
    row.lastUsedAt && (!previous.lastUsedAt || row.lastUsedAt > previous.lastUsedAt) ? row.lastUsedAt : previous.lastUsedAt;
  const permissions = row.permissions ?? previous.permissions;
  const privilege = privilegeOf(row.provider, scopes, permissions);

  const state: IdentityState = {
    ...previous,
    ...kind,
    name: row.name,
    ...environment,
    system: row.system ?? previous.system,
    businessUnit: row.businessUnit ?? previous.businessUnit,
    scopes,
    usedScopes: row.usedScopes ?? previous.usedScopes,
    privilegeLevel: privilege?.level ?? null,
    privilegeReasons: privilege?.reasons ?? [],
    permissions,
    trustedPrincipals: row.trustedPrincipals ?? previous.trustedPrincipals,
    credentials: mergeCredentials(previous.credentials, row.credentials),
    mfaEnabled: row.mfaEnabled ?? previous.mfaEnabled,
    neverUsed: lastUsedAt === null && (row.neverUsed ?? previous.neverUsed),
    tags: { ...previous.tags, ...row.tags },
    createdAt: row.createdAt ?? previous.createdAt,
    lastUsedAt,
    expiresAt: row.expiresAt ?? previous.expiresAt,
    credentialFingerprint: row.credentialFingerprint ?? previous.credentialFingerprint,
    authMethod: row.authMethod ?? previous.authMethod,
    interactiveUse: row.interactiveUse ?? previous.interactiveUse,
    status: previous.status === 'DECOMMISSIONED' ? 'DECOMMISSIONED' : 'ACTIVE',
    lastSeenAt: seenAt > previous.lastSeenAt ? seenAt : previous.lastSeenAt,
  };
  return { state, changes: existing ? changesBetween(existing, state) : [], created: existing === null };
}
