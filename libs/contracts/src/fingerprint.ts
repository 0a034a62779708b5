import definitionsSchema from '../schemas/definitions.schema.json';

/** A credential's fingerprint as events carry it ($defs/fingerprint): a hash of it, never the credential. */
export const FINGERPRINT_PATTERN = new RegExp(definitionsSchema.$defs.fingerprint.pattern);

const ALGORITHM = /^(sha256|sha1|sha512):/i;

/**
 * A fingerprint as events carry it, or null when the text is not one. The
 * algorithm is accepted in any case, since OpenSSH writes `SHA256:<base64>`,
 * and stored in lower case.
 */
export function normalisedFingerprint(text: string): string | null {
  const fingerprint = text.trim().replace(ALGORITHM, (algorithm) => algorithm.toLowerCase());
  return FINGERPRINT_PATTERN.test(fingerprint) ? fingerprint : null;
}
