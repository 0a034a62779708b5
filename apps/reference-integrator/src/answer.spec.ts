import { answerRevocation, answerRotation, validate } from '@nhi/integrator-sdk';
import { refuseUnknownKind, simulateRevocation, simulateRotation } from './answer';

const now = new Date('2026-11-27T10:00:00Z');
const request = {
  requestId: '01900000-0000-7000-8000-000000000001',
  nhiId: '01900000-0000-7000-8000-000000000002',
  provider: 'demo',
  externalId: 'kv/app',
  kind: 'SECRET' as const,
  reason: 'due',
  requestedAt: now.toISOString(),
  deadline: new Date(now.getTime() + 60_000).toISOString(),
};
const source = '/nhi/reference-integrator';

describe('the simulated secret manager', () => {
  it('rotates with a new fingerprint and a 90-day expiry, answered as a valid result of the same request', () => {
    const outcome = simulateRotation(0, now, () => 0.5);
    const result = answerRotation(request, outcome, { source, time: now });

    expect(result).toMatchObject({
      type: 'nhi.rotation.completed',
      source,
      data: { requestId: request.requestId, nhiId: request.nhiId, rotatedAt: now.toISOString(), newExpiresAt: '2027-02-25T10:00:00.000Z' },
    });
    expect(validate(result).valid).toBe(true);
  });

  it('gives each targeted credential a new key with a new id, and says which replaced which', () => {
    const outcome = simulateRotation(0, now, () => 0.5, [{ externalId: 'AKIA1' }, { externalId: 'AKIA2' }]);
    const result = answerRotation(request, outcome, { source, time: now });

    const replaced = (result.data as { replaced?: Array<{ previousExternalId: string; externalId: string }> }).replaced ?? [];
    expect(replaced.map((r) => r.previousExternalId)).toEqual(['AKIA1', 'AKIA2']);
    expect(new Set(replaced.map((r) => r.externalId)).size).toBe(2);
    expect(replaced.every((r) => r.externalId !== r.previousExternalId)).toBe(true);
    expect(validate(result).valid).toBe(true);
  });

  it('fails at the configured rate, and revocations are answered on their own types', () => {
    expect(simulateRotation(0.3, now, () => 0.2)).toEqual({ error: 'simulated secret manager refused the rotation' });
    expect(
      answerRevocation(
        { ...request, force: false },
        simulateRevocation(0.3, now, () => 0.2),
        { source },
      ).type,
    ).toBe('nhi.revocation.failed');
    expect(
      answerRevocation(
        { ...request, force: false },
        simulateRevocation(0.3, now, () => 0.4),
        { source },
      ).data,
    ).toEqual({
      requestId: request.requestId,
      nhiId: request.nhiId,
      revokedAt: now.toISOString(),
    });
  });

  it('refuses a credential of an unknown kind with an error, and handles the kinds it knows', () => {
    expect(() => refuseUnknownKind('OTHER')).toThrow(/unknown kind/);
    expect(() => refuseUnknownKind('SECRET')).not.toThrow();
  });
});
