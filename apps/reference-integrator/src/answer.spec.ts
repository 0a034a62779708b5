import { createEvent } from '@nhi/contracts';
import { answer } from './answer';

const now = new Date('2026-11-27T10:00:00Z');
const data = {
  requestId: '01900000-0000-7000-8000-000000000001',
  nhiId: '01900000-0000-7000-8000-000000000002',
  provider: 'demo',
  externalId: 'kv/app',
  kind: 'SECRET' as const,
  reason: 'due',
  requestedAt: now.toISOString(),
  deadline: new Date(now.getTime() + 60_000).toISOString(),
};

describe('answer', () => {
  it('rotates with a new fingerprint and expiry, as a valid result of the same request', () => {
    const request = createEvent({ source: 'lifecycle', type: 'nhi.rotation.requested', subject: data.nhiId, data });
    const result = answer(request, 0, now, () => 0.5);

    expect(result).toMatchObject({
      type: 'nhi.rotation.completed',
      data: { requestId: data.requestId, nhiId: data.nhiId, rotatedAt: now.toISOString() },
    });
    expect(() => createEvent({ source: 'reference-integrator', subject: data.nhiId, ...result })).not.toThrow();
  });

  it('fails at the configured rate, and answers revocations on their own types', () => {
    const request = createEvent({
      source: 'lifecycle',
      type: 'nhi.revocation.requested',
      subject: data.nhiId,
      data: { ...data, force: false },
    });

    expect(answer(request, 0.3, now, () => 0.2).type).toBe('nhi.revocation.failed');
    expect(answer(request, 0.3, now, () => 0.4)).toEqual({
      type: 'nhi.revocation.completed',
      data: { requestId: data.requestId, nhiId: data.nhiId, revokedAt: now.toISOString() },
    });
  });

  it('does nothing after the deadline, and refuses a credential of an unknown kind, each with its error', () => {
    const late = createEvent({
      source: 'lifecycle',
      type: 'nhi.rotation.requested',
      subject: data.nhiId,
      data: { ...data, deadline: now.toISOString() },
    });
    const unknown = createEvent({
      source: 'lifecycle',
      type: 'nhi.rotation.requested',
      subject: data.nhiId,
      data: { ...data, kind: 'OTHER' },
    });

    expect(answer(late, 0, now, () => 0.9)).toMatchObject({
      type: 'nhi.rotation.failed',
      data: { error: expect.stringMatching(/deadline had passed/) },
    });
    expect(answer(unknown, 0, now, () => 0.9)).toMatchObject({
      type: 'nhi.rotation.failed',
      data: { error: expect.stringMatching(/unknown kind/) },
    });
  });
});
