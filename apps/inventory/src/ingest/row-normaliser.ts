import type { NhiEnvironment } from '@nhi/contracts';
import { canonicalEnvironment, inferEnvironment } from '../normalisation/environment';
import { canonicalKind } from '../normalisation/kind-vocabulary';
import { canonicalExternalId, canonicalProvider } from '../normalisation/provider-aliases';
import { cleanText, optionalText } from '../normalisation/text';
import { findSecretField, ScannedField } from '@nhi/secrets';
import type { NormalisedRow } from './normalised-row';
import type { RawIdentityRow } from './raw-identity-row';

export const FINGERPRINT_PATTERN = /^(sha256|sha1|sha512):[A-Za-z0-9+/=_-]{16,128}$/;
const MAX_TAGS = 100;
const MAX_SCOPES = 500;

export type RowResult = { ok: true; row: NormalisedRow } | { ok: false; reason: string };

/** Thrown inside the normaliser with a reason that is safe to show (it never quotes a rejected value). */
class RowError extends Error {}

function reject(reason: string): never {
  throw new RowError(reason);
}

function requiredText(value: unknown, field: string, max: number): string {
  if (value === null || value === undefined) reject(`${field} is required`);
  if (typeof value !== 'string') reject(`${field} must be a string`);
  const text = cleanText(value);
  if (text.length === 0) reject(`${field} is required`);
  if (text.length > max) reject(`${field} is longer than ${max} characters`);
  return text;
}

function optionalString(value: unknown, field: string, max: number): string | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'string') reject(`${field} must be a string`);
  const text = optionalText(value);
  if (text && text.length > max) reject(`${field} is longer than ${max} characters`);
  return text;
}

function stringList(value: unknown, field: string): string[] | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string')) reject(`${field} must be a list of strings`);
  if (value.length > MAX_SCOPES) reject(`${field} has more than ${MAX_SCOPES} entries`);
  return [...new Set((value as string[]).map(cleanText).filter(Boolean))].sort();
}

function optionalDate(value: unknown, field: string): Date | null {
  if (value === null || value === undefined || value === '') return null;
  const date = value instanceof Date ? value : typeof value === 'string' || typeof value === 'number' ? new Date(value) : null;
  if (!date || Number.isNaN(date.getTime())) reject(`${field} is not a valid date-time (use RFC 3339, e.g. 2026-01-31T12:00:00Z)`);
  return date;
}

function tagMap(value: unknown): Record<string, string> {
  if (value === null || value === undefined) return {};
  const entries: Array<[unknown, unknown]> = Array.isArray(value)
    ? value.map((tag) => [(tag as { key?: unknown })?.key, (tag as { value?: unknown })?.value])
    : typeof value === 'object'
      ? Object.entries(value as Record<string, unknown>)
      : reject('tags must be a list of { key, value }');
  if (entries.length > MAX_TAGS) reject(`tags has more than ${MAX_TAGS} entries`);
  const tags: Record<string, string> = {};
  for (const [key, tagValue] of entries) {
    if (typeof key !== 'string' || !cleanText(key)) reject('every tag needs a key');
    if (tagValue !== null && tagValue !== undefined && typeof tagValue !== 'string')
      reject(`tag "${cleanText(key).slice(0, 40)}" must have a string value`);
    tags[cleanText(key).toLowerCase()] = cleanText((tagValue as string | null | undefined) ?? '');
  }
  return tags;
}

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
  ] as const) {
    if (Array.isArray(list)) list.forEach((item, i) => fields.push({ field: `${name}[${i}]`, value: text(item) }));
  }
  if (Array.isArray(raw.tags)) {
    raw.tags.forEach((tag, i) => {
      const { key, value } = (tag ?? {}) as { key?: unknown; value?: unknown };
      fields.push({ field: `tags[${i}].key`, value: text(key) }, { field: `tags[${i}].value`, value: text(value) });
    });
  } else if (raw.tags && typeof raw.tags === 'object') {
    for (const [key, value] of Object.entries(raw.tags))
      fields.push({ field: 'tags (a key)', value: key }, { field: `tags.${key.slice(0, 40)}`, value: text(value) });
  }
  return fields;
}

function fingerprint(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string') reject('credentialFingerprint must be a string');
  const trimmed = value.trim();
  if (!FINGERPRINT_PATTERN.test(trimmed)) {
    const looksLike = findSecretField([{ field: 'credentialFingerprint', value: trimmed }]);
    if (looksLike) {
      reject(`credentialFingerprint looks like ${looksLike.looksLike}, not a hash of one; the platform never stores secret material`);
    }
    reject('credentialFingerprint must be "<sha256|sha1|sha512>:<hash>", a hash of the credential and never the credential itself');
  }
  return trimmed;
}

function environmentOf(value: unknown): NhiEnvironment | null {
  const given = optionalString(value, 'environment', 50);
  if (given === null) return null;
  const environment = canonicalEnvironment(given);
  if (!environment)
    reject(
      `environment "${given.slice(0, 40)}" is not known; use PRODUCTION, STAGING, DEVELOPMENT, TEST or UNKNOWN (or prd, stg, dev, qa ...)`,
    );
  return environment === 'UNKNOWN' ? null : environment;
}

function normalise(raw: RawIdentityRow): NormalisedRow {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) reject('a row must be an object');
  const secret = findSecretField(scannedFields(raw));
  if (secret) {
    reject(
      `${secret.field} looks like ${secret.looksLike}; the platform never stores secret material (send a fingerprint such as sha256:<hash> instead)`,
    );
  }
  const provider = canonicalProvider(requiredText(raw.provider, 'provider', 100));
  if (!provider || provider.length > 64) reject('provider must name a provider in letters and digits, at most 64 characters');
  const externalId = canonicalExternalId(provider, requiredText(raw.externalId, 'externalId', 500));
  const kindWord = requiredText(raw.kind, 'kind', 100);
  const kind =
    canonicalKind(kindWord) ??
    reject(
      `kind "${kindWord.slice(0, 40)}" is not known; use SERVICE_ACCOUNT, API_KEY, ACCESS_TOKEN, OAUTH_CLIENT, CERTIFICATE, SSH_KEY, SECRET, WORKLOAD_IDENTITY or AI_AGENT (or a common word such as svc-account or pat)`,
    );
  const name = requiredText(raw.name, 'name', 300);
  const tags = tagMap(raw.tags);
  const environment = environmentOf(raw.environment);
  const system = optionalString(raw.system, 'system', 200);
  const businessUnit = optionalString(raw.businessUnit, 'businessUnit', 200);
  if (raw.interactiveUse !== undefined && raw.interactiveUse !== null && typeof raw.interactiveUse !== 'boolean') {
    reject('interactiveUse must be true or false');
  }
  return {
    provider,
    externalId,
    kind,
    name,
    environment,
    inferredEnvironment: environment ? null : inferEnvironment({ tags, texts: [name, externalId, system ?? ''] }),
    system,
    businessUnit,
    scopes: stringList(raw.scopes, 'scopes'),
    usedScopes: stringList(raw.usedScopes, 'usedScopes'),
    createdAt: optionalDate(raw.createdAt, 'createdAt'),
    lastUsedAt: optionalDate(raw.lastUsedAt, 'lastUsedAt'),
    expiresAt: optionalDate(raw.expiresAt, 'expiresAt'),
    credentialFingerprint: fingerprint(raw.credentialFingerprint),
    authMethod: optionalString(raw.authMethod, 'authMethod', 50)?.toLowerCase() ?? null,
    interactiveUse: (raw.interactiveUse as boolean | null | undefined) ?? null,
    tags,
  };
}

/** Checks and normalises one row; a rejection says which field and why, never quoting a secret. */
export function normaliseRow(raw: RawIdentityRow): RowResult {
  try {
    return { ok: true, row: normalise(raw) };
  } catch (error) {
    if (error instanceof RowError) return { ok: false, reason: error.message };
    throw error;
  }
}
