import { findSecretField } from '@nhi/secrets';
import { reject } from './row-error';

export const FINGERPRINT_PATTERN = /^(sha256|sha1|sha512):[A-Za-z0-9+/=_-]{16,128}$/;
/** The algorithm in any case: OpenSSH writes `SHA256:<base64>`; it is stored in lower case, as events carry it. */
const ANY_CASE = /^(sha256|sha1|sha512):/i;

/** A credential's fingerprint: a hash of it, never the credential; the reason says which, without quoting. */
export function readFingerprint(value: unknown, field: string): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (typeof value !== 'string') reject(field, `${field} must be a string`);
  const given = value.trim();
  const trimmed = given.replace(ANY_CASE, (algorithm) => algorithm.toLowerCase());
  if (!FINGERPRINT_PATTERN.test(trimmed)) {
    const looksLike = findSecretField([{ field, value: trimmed }]);
    if (looksLike) {
      reject(field, `${field} looks like ${looksLike.looksLike}, not a hash of one; the platform never stores secret material`);
    }
    reject(field, `${field} must be "<sha256|sha1|sha512>:<hash>", a hash of the credential and never the credential itself`);
  }
  return trimmed;
}
