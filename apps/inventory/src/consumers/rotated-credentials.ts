import type { CredentialRotatedData } from '@nhi/contracts';
import type { StoredCredential } from '../identity-data/credential';

/**
 * The credentials after a rotation that said which credential replaced which:
 * the replaced one keeps its platform id (it is the same credential slot, with
 * a new key at the provider), takes the new provider id, fingerprint and
 * expiry, and is rotated, created and unused as of the rotation. A
 * replacement naming no credential the identity holds changes nothing.
 */
export function rotatedCredentials(
  credentials: readonly StoredCredential[],
  replaced: NonNullable<CredentialRotatedData['replaced']>,
  rotatedAt: string,
): StoredCredential[] {
  const byPrevious = new Map(replaced.map((r) => [r.previousExternalId, r]));
  return credentials.map((c) => {
    const r = byPrevious.get(c.externalId);
    if (!r) return c;
    return {
      ...c,
      externalId: r.externalId,
      fingerprint: r.fingerprint ?? null,
      expiresAt: r.expiresAt ?? null,
      status: 'ACTIVE',
      createdAt: rotatedAt,
      lastRotatedAt: rotatedAt,
      lastUsedAt: null,
      neverUsed: false,
    };
  });
}
