import type { NhiEnvironment } from '@nhi/contracts';
import { canonicalEnvironment, inferEnvironment } from '../normalisation/environment';
import { canonicalExternalId, canonicalProvider } from '../normalisation/provider-aliases';
import { findSecretField, ScannedField } from '@nhi/secrets';
import { readFingerprint } from './validation/fingerprint';
import type { NormalisedRow } from './normalised-row';
import type { RawIdentityRow } from './raw-identity-row';
import { credentialList } from './validation/credential-reader';
import { boundedList, optionalBoolean, optionalDate, optionalString, requiredText, stringList, tagMap } from './validation/field-readers';
import { permissionList } from './validation/permission-reader';
import { kindOf, UNKNOWN_KIND_WARNING } from './validation/kind-reader';
import { reject, RowError } from './validation/row-error';
import { ROW_LIMITS } from './validation/row-limits';

/** Something the report should tell the sender about a row that is taken all the same; the reason never quotes the value. */
export interface RowWarning {
  field: string;
  reason: string;
}

export type RowResult = { ok: true; row: NormalisedRow; warnings: RowWarning[] } | { ok: false; reason: string; field: string };

/** Every string a row carries, so none can smuggle a credential in. */
function scannedFields(raw: RawIdentityRow): ScannedField[] {
  const text = (value: unknown) => (typeof value === 'string' ? value : null);
  const fields: ScannedField[] = [
    { field: 'name', value: text(raw.name) },
    { field: 'externalId', value: text(raw.externalId) },
    { field: 'provider', value: text(raw.provider) },
    { field: 'kind', value: text(raw.kind) },
    { field: 'system', value: text(raw.system) },
    { field: 'businessUnit', value: text(raw.businessUnit) },
    { field: 'environment', value: text(raw.environment) },
    { field: 'authMethod', value: text(raw.authMethod) },
  ];
  for (const [list, name] of [
    [raw.scopes, 'scopes'],
    [raw.usedScopes, 'usedScopes'],
    [raw.trustedPrincipals, 'trustedPrincipals'],
  ] as const) {
    if (Array.isArray(list)) list.forEach((item, i) => fields.push({ field: `${name}[${i}]`, value: text(item) }));
  }
  if (Array.isArray(raw.credentials)) {
    raw.credentials.forEach((credential, i) =>
      fields.push({ field: `credentials[${i}].externalId`, value: text((credential as { externalId?: unknown } | null)?.externalId) }),
    );
  }
  if (Array.isArray(raw.permissions)) {
    // Free text and resource names; action names are held to a pattern with no room for a secret's alphabet.
    raw.permissions.forEach((statement, i) => {
      const { via, resources, notResources } = (statement ?? {}) as { via?: unknown; resources?: unknown; notResources?: unknown };
      fields.push({ field: `permissions[${i}].via`, value: text(via) });
      for (const [list, name] of [
        [resources, 'resources'],
        [notResources, 'notResources'],
      ] as const) {
        if (Array.isArray(list))
          list.forEach((item, j) => item !== '*' && fields.push({ field: `permissions[${i}].${name}[${j}]`, value: text(item) }));
      }
    });
  }
  if (Array.isArray(raw.tags)) {
    raw.tags.forEach((tag, i) => {
      const { key, value } = (tag ?? {}) as { key?: unknown; value?: unknown };
      fields.push({ field: `tags[${i}].key`, value: text(key) }, { field: `tags[${i}].value`, value: text(value) });
    });
  } else if (raw.tags && typeof raw.tags === 'object') {
    // Named by position: a tag key is data from the source, never quoted back.
    Object.entries(raw.tags).forEach(([key, value], i) =>
      fields.push({ field: `tags[${i}].key`, value: key }, { field: `tags[${i}].value`, value: text(value) }),
    );
  }
  return fields;
}

function environmentOf(value: unknown): NhiEnvironment | null {
  const given = optionalString(value, 'environment', ROW_LIMITS.environment);
  if (given === null) return null;
  const environment = canonicalEnvironment(given);
  // The word is not quoted back: a rejected value is never echoed.
  if (!environment)
    reject('environment', 'environment is not known; use PRODUCTION, STAGING, DEVELOPMENT, TEST or UNKNOWN (or prd, stg, dev, qa ...)');
  return environment === 'UNKNOWN' ? null : environment;
}

function identityOf(raw: RawIdentityRow): Pick<NormalisedRow, 'provider' | 'externalId' | 'kind' | 'sourceKind' | 'name'> {
  const provider = canonicalProvider(requiredText(raw.provider, 'provider', ROW_LIMITS.providerWord));
  if (!provider || provider.length > ROW_LIMITS.provider) {
    reject('provider', `provider must name a provider in letters and digits, at most ${ROW_LIMITS.provider} characters`);
  }
  const externalId = canonicalExternalId(provider, requiredText(raw.externalId, 'externalId', ROW_LIMITS.externalId));
  return { provider, externalId, ...kindOf(raw.kind), name: requiredText(raw.name, 'name', ROW_LIMITS.name) };
}

function normalise(raw: RawIdentityRow, now: Date): NormalisedRow {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) reject('row', 'a row must be an object');
  const secret = findSecretField(scannedFields(raw));
  if (secret) {
    reject(
      secret.field,
      `${secret.field} looks like ${secret.looksLike}; the platform never stores secret material (send a fingerprint such as sha256:<hash> instead)`,
    );
  }
  const identity = identityOf(raw);
  const tags = tagMap(raw.tags);
  const environment = environmentOf(raw.environment);
  const system = optionalString(raw.system, 'system', ROW_LIMITS.system);
  return {
    ...identity,
    environment,
    inferredEnvironment: environment ? null : inferEnvironment({ tags, texts: [identity.name, identity.externalId, system ?? ''] }),
    system,
    businessUnit: optionalString(raw.businessUnit, 'businessUnit', ROW_LIMITS.businessUnit),
    scopes: stringList(raw.scopes, 'scopes'),
    usedScopes: stringList(raw.usedScopes, 'usedScopes'),
    createdAt: optionalDate(raw.createdAt, 'createdAt', now),
    lastUsedAt: optionalDate(raw.lastUsedAt, 'lastUsedAt', now),
    expiresAt: optionalDate(raw.expiresAt, 'expiresAt', now),
    credentialFingerprint: readFingerprint(raw.credentialFingerprint, 'credentialFingerprint'),
    authMethod: optionalString(raw.authMethod, 'authMethod', ROW_LIMITS.authMethod)?.toLowerCase() ?? null,
    interactiveUse: optionalBoolean(raw.interactiveUse, 'interactiveUse'),
    tags,
    credentials: credentialList(raw.credentials, now),
    permissions: permissionList(raw.permissions),
    trustedPrincipals: boundedList(raw.trustedPrincipals, 'trustedPrincipals', ROW_LIMITS.trustedPrincipals),
    mfaEnabled: optionalBoolean(raw.mfaEnabled, 'mfaEnabled'),
    neverUsed: optionalBoolean(raw.neverUsed, 'neverUsed'),
  };
}

/** Checks and normalises one row; a rejection or warning says which field and why, never quoting the value. */
export function normaliseRow(raw: RawIdentityRow, now = new Date()): RowResult {
  try {
    const row = normalise(raw, now);
    return { ok: true, row, warnings: row.sourceKind === null ? [] : [{ field: 'kind', reason: UNKNOWN_KIND_WARNING }] };
  } catch (error) {
    if (error instanceof RowError) return { ok: false, reason: error.message, field: error.field };
    throw error;
  }
}
