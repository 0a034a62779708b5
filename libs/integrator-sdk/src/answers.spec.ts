import { answerRevocation, answerRotation } from './answers';
import { InvalidEventError, validate } from './validate';

const now = new Date('2026-12-01T10:00:00Z');
const data = {
  requestId: '01900000-0000-7000-8000-000000000001',
  nhiId: '01900000-0000-7000-8000-000000000002',
  provider: 'acme-vault',
  externalId: 'kv/app',
  kind: 'SECRET' as const,
  reason: 'due',
  requestedAt: now.toISOString(),
  deadline: now.toISOString(),
};
const request = { specversion: '1.0' as const, id: 'r-1', source: '/nhi/lifecycle', type: 'nhi.rotation.requested' as const, data };
const source = '/integrators/acme';

describe('answerRotation', () => {
  it('builds a completed result: a valid CloudEvent with our source, a unique id, the identity as subject', () => {
    const result = answerRotation(request, { newCredentialFingerprint: 'sha256:3f1c9a0b2e7d4c5f8a6b1d2e3f4a5b6c' }, { source, time: now });

    expect(result).toMatchObject({
      specversion: '1.0',
      source,
      type: 'nhi.rotation.completed',
      subject: data.nhiId,
      time: now.toISOString(),
      data: { requestId: data.requestId, nhiId: data.nhiId, rotatedAt: now.toISOString() },
    });
    expect(result.id).not.toBe(answerRotation(request, {}, { source }).id);
    expect(validate(result).valid).toBe(true);
  });

  it('says which credential replaced which, for a request that named credentials', () => {
    const replaced = [
      { previousExternalId: 'AKIAOLD', externalId: 'AKIANEW', fingerprint: 'sha256:3f1c9a0b2e7d4c5f8a6b1d2e3f4a5b6c', expiresAt: now },
    ];
    const result = answerRotation(request, { replaced }, { source, time: now });

    expect(result.data).toMatchObject({ replaced: [{ ...replaced[0], expiresAt: now.toISOString() }] });
    expect(validate(result).valid).toBe(true);
    expect(() => answerRotation(request, { replaced: [{ previousExternalId: '', externalId: 'x' }] }, { source })).toThrow(
      InvalidEventError,
    );
  });

  it('builds a failed result from an error, and takes the request data alone too', () => {
    expect(answerRotation(data, { error: 'vault sealed' }, { source, id: 'a-1' })).toMatchObject({
      id: 'a-1',
      type: 'nhi.rotation.failed',
      data: { requestId: data.requestId, nhiId: data.nhiId, error: 'vault sealed' },
    });
  });

  it('refuses to build a result the platform would refuse, naming the field and never the value', () => {
    const build = () => answerRotation(request, { newCredentialFingerprint: 'hunter2-plain-secret' }, { source });

    expect(build).toThrow(InvalidEventError);
    expect(build).toThrow(/data\/newCredentialFingerprint/);
    expect(build).not.toThrow(/hunter2/);
  });
});

describe('answerRevocation', () => {
  it('builds completed and failed revocation results', () => {
    const revocation = { ...request, type: 'nhi.revocation.requested' as const, data: { ...data, force: true } };

    expect(answerRevocation(revocation, { revokedAt: now }, { source }).data).toEqual({
      requestId: data.requestId,
      nhiId: data.nhiId,
      revokedAt: now.toISOString(),
    });
    expect(answerRevocation(revocation, { error: 'not found' }, { source }).type).toBe('nhi.revocation.failed');
  });
});
