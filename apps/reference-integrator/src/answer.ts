import { randomBytes } from 'node:crypto';
import { credentialFingerprint, type RevocationOutcome, type RotationOutcome } from '@nhi/integrator-sdk';

const DAY_MS = 86_400_000;

/**
 * What the simulated secret manager does with a rotation: a new secret (of
 * which only its fingerprint leaves) valid for 90 days, or a refusal.
 * `random` is injectable so tests decide failures.
 */
export function simulateRotation(
  failureRate: number,
  now: Date,
  random: () => number = Math.random,
  targets: ReadonlyArray<{ externalId: string }> = [],
): RotationOutcome {
  if (random() < failureRate) return { error: 'simulated secret manager refused the rotation' };
  const expiresAt = new Date(now.getTime() + 90 * DAY_MS);
  return {
    rotatedAt: now,
    // A hash of the new secret, never the secret: the platform stores fingerprints only.
    newCredentialFingerprint: credentialFingerprint(randomBytes(32)),
    newExpiresAt: expiresAt,
    // Each targeted credential gets a new key with a new id at the provider, as a real rotation does.
    ...(targets.length > 0
      ? {
          replaced: targets.map((t) => ({
            previousExternalId: t.externalId,
            externalId: `key-${randomBytes(8).toString('hex')}`,
            fingerprint: credentialFingerprint(randomBytes(32)),
            expiresAt,
          })),
        }
      : {}),
  };
}

/** What the simulated secret manager does with a revocation. */
export function simulateRevocation(failureRate: number, now: Date, random: () => number = Math.random): RevocationOutcome {
  return random() < failureRate ? { error: 'simulated secret manager refused the revocation' } : { revokedAt: now };
}

/** A secret manager cannot rotate what it cannot tell the kind of: it says so (the SDK answers with the error). */
export function refuseUnknownKind(kind: string): void {
  if (kind === 'OTHER') throw new Error('a credential of an unknown kind cannot be handled by the simulated secret manager');
}
