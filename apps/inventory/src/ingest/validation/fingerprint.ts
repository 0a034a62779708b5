import { normalisedFingerprint } from '@nhi/contracts';
import { findSecretField } from '@nhi/secrets';
import { reject } from './row-error';

/** A credential's fingerprint: a hash of it, never the credential; the reason says which, without quoting. */
export function readFingerprint(value: unknown, field: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string') reject(field, `${field} must be a string`);
  const fingerprint = normalisedFingerprint(value);
  if (fingerprint) return fingerprint;
  const looksLike = findSecretField([{ field, value: value.trim() }]);
  if (looksLike) {
    reject(field, `${field} looks like ${looksLike.looksLike}, not a hash of one; the platform never stores secret material`);
  }
  return reject(field, `${field} must be "<sha256|sha1|sha512>:<hash>", a hash of the credential and never the credential itself`);
}
