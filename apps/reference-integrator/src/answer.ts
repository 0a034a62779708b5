import { randomBytes } from 'node:crypto';
import type { EventDataByType, NhiEvent } from '@nhi/contracts';

type Request = NhiEvent<'nhi.rotation.requested'> | NhiEvent<'nhi.revocation.requested'>;
type Result =
  | { type: 'nhi.rotation.completed'; data: EventDataByType['nhi.rotation.completed'] }
  | { type: 'nhi.rotation.failed'; data: EventDataByType['nhi.rotation.failed'] }
  | { type: 'nhi.revocation.completed'; data: EventDataByType['nhi.revocation.completed'] }
  | { type: 'nhi.revocation.failed'; data: EventDataByType['nhi.revocation.failed'] };

const DAY_MS = 86_400_000;

/**
 * What the simulated secret manager answers to one request: the request's id
 * and identity echoed back, a new fingerprint and expiry for a rotation, or an
 * error. `random` is injectable so tests decide failures.
 */
export function answer(request: Request, failureRate: number, now: Date, random: () => number = Math.random): Result {
  const { requestId, nhiId } = request.data;
  const fails = random() < failureRate;
  if (request.type === 'nhi.rotation.requested') {
    return fails
      ? { type: 'nhi.rotation.failed', data: { requestId, nhiId, error: 'simulated secret manager refused the rotation' } }
      : {
          type: 'nhi.rotation.completed',
          data: {
            requestId,
            nhiId,
            rotatedAt: now.toISOString(),
            // A hash of the new secret, never the secret: the platform stores fingerprints only.
            newCredentialFingerprint: `sha256:${randomBytes(32).toString('hex')}`,
            newExpiresAt: new Date(now.getTime() + 90 * DAY_MS).toISOString(),
          },
        };
  }
  return fails
    ? { type: 'nhi.revocation.failed', data: { requestId, nhiId, error: 'simulated secret manager refused the revocation' } }
    : { type: 'nhi.revocation.completed', data: { requestId, nhiId, revokedAt: now.toISOString() } };
}
