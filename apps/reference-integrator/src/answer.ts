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
  const refusal =
    refusalOf(request, now) ?? (random() < failureRate ? `simulated secret manager refused the ${operationOf(request)}` : null);
  if (request.type === 'nhi.rotation.requested') {
    return refusal !== null
      ? { type: 'nhi.rotation.failed', data: { requestId, nhiId, error: refusal } }
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
  return refusal !== null
    ? { type: 'nhi.revocation.failed', data: { requestId, nhiId, error: refusal } }
    : { type: 'nhi.revocation.completed', data: { requestId, nhiId, revokedAt: now.toISOString() } };
}

function operationOf(request: Request): 'rotation' | 'revocation' {
  return request.type === 'nhi.rotation.requested' ? 'rotation' : 'revocation';
}

/** What the connector will not do whatever the luck: act after the deadline, or on a credential of a kind it cannot tell. */
function refusalOf(request: Request, now: Date): string | null {
  if (Date.parse(request.data.deadline) <= now.getTime()) return `the deadline had passed; no ${operationOf(request)} was done`;
  if (request.data.kind === 'OTHER') return `a credential of an unknown kind cannot be handled by the simulated secret manager`;
  return null;
}
