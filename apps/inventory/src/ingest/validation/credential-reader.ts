import { CREDENTIAL_STATUSES, CREDENTIAL_TYPES, type CredentialStatus, type CredentialType } from '../../identity-data/credential';
import { readFingerprint } from './fingerprint';
import { optionalDate, requiredText } from './field-readers';
import { reject } from './row-error';
import { ROW_LIMITS } from './row-limits';

/** A credential of a row that passed every check. */
export interface NormalisedCredential {
  type: CredentialType;
  externalId: string;
  fingerprint: string | null;
  status: CredentialStatus;
  createdAt: Date | null;
  expiresAt: Date | null;
  lastUsedAt: Date | null;
  neverUsed: boolean;
  lastRotatedAt: Date | null;
}

function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string): T {
  const word = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (!(allowed as readonly string[]).includes(word)) reject(field, `${field} must be one of ${allowed.join(', ')}`);
  return word as T;
}

function credentialAt(value: unknown, i: number, now: Date): NormalisedCredential {
  const at = `credentials[${i}]`;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) reject('credentials', `${at} must be an object`);
  const raw = value as Record<string, unknown>;
  return {
    type: oneOf(raw['type'], CREDENTIAL_TYPES, `${at}.type`),
    externalId: requiredText(raw['externalId'], `${at}.externalId`, ROW_LIMITS.externalId),
    fingerprint: readFingerprint(raw['fingerprint'], `${at}.fingerprint`),
    status: raw['status'] === undefined || raw['status'] === null ? 'ACTIVE' : oneOf(raw['status'], CREDENTIAL_STATUSES, `${at}.status`),
    createdAt: optionalDate(raw['createdAt'], 'createdAt', now, `${at}.createdAt`),
    expiresAt: optionalDate(raw['expiresAt'], 'expiresAt', now, `${at}.expiresAt`),
    lastUsedAt: optionalDate(raw['lastUsedAt'], 'lastUsedAt', now, `${at}.lastUsedAt`),
    // lastUsedAt null, or neverUsed, says "never used"; absent says nothing is known.
    neverUsed: raw['neverUsed'] === true || raw['lastUsedAt'] === null,
    lastRotatedAt: optionalDate(raw['lastRotatedAt'], 'createdAt', now, `${at}.lastRotatedAt`),
  };
}

/**
 * The credentials of a row: null when the row says nothing of them, a list
 * (maybe empty) when it does. Two entries with one type and externalId are one
 * credential sent twice: refused, since which one holds is unknowable.
 */
export function credentialList(value: unknown, now: Date): NormalisedCredential[] | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) reject('credentials', 'credentials must be a list');
  if (value.length > ROW_LIMITS.credentials) reject('credentials', `credentials has more than ${ROW_LIMITS.credentials} entries`);
  const credentials = value.map((item, i) => credentialAt(item, i, now));
  const seen = new Set<string>();
  credentials.forEach((credential, i) => {
    const key = `${credential.type}\n${credential.externalId}`;
    if (seen.has(key)) reject('credentials', `credentials[${i}] repeats the type and externalId of an earlier entry`);
    seen.add(key);
  });
  return credentials;
}
