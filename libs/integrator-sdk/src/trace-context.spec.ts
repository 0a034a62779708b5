import { answerRevocation, answerRotation } from './answers';
import type { RotationRequest } from './events';
import { readRequest } from './read-request';
import { inRequestSpan, spanContextOf } from './trace-context';
import { validate } from './validate';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const now = new Date('2026-12-01T10:00:00Z');
const request: RotationRequest = {
  specversion: '1.0',
  id: 'r-1',
  source: '/nhi/lifecycle',
  type: 'nhi.rotation.requested',
  traceparent: TRACEPARENT,
  tracestate: 'nhi=1',
  data: {
    requestId: '01900000-0000-7000-8000-000000000001',
    nhiId: '01900000-0000-7000-8000-000000000002',
    provider: 'acme-vault',
    externalId: 'kv/app',
    kind: 'SECRET',
    reason: 'due',
    requestedAt: now.toISOString(),
    deadline: now.toISOString(),
  },
};
const source = '/integrators/acme';

describe('trace context on answers', () => {
  it("carries the request's traceparent and tracestate onto the answer, which stays a valid event", () => {
    const result = answerRotation(request, {}, { source });
    expect(result).toMatchObject({ traceparent: TRACEPARENT, tracestate: 'nhi=1' });
    expect(validate(result).valid).toBe(true);
    expect(answerRevocation({ ...request, type: 'nhi.revocation.requested' } as never, {}, { source })).toMatchObject({
      traceparent: TRACEPARENT,
    });
  });

  it("uses the integrator's own trace context when it gives one", () => {
    const own = '00-11111111111111111111111111111111-2222222222222222-00';
    expect(answerRotation(request, {}, { source, traceparent: own })).toMatchObject({ traceparent: own });
  });

  it('answers without trace context a request that has none, or a malformed one', () => {
    const { traceparent: _t, tracestate: _s, ...untraced } = request;
    expect(answerRotation(untraced, {}, { source })).not.toHaveProperty('traceparent');
    expect(answerRotation({ ...request, traceparent: 'garbage' }, {}, { source })).not.toHaveProperty('traceparent');
    expect(answerRotation(request.data, {}, { source })).not.toHaveProperty('traceparent');
  });

  it('reads the trace context of a request sent in binary mode (ce_traceparent)', () => {
    const { data, ...attributes } = request;
    const headers = Object.fromEntries(Object.entries(attributes).map(([name, value]) => [`ce_${name}`, String(value)]));
    const read = readRequest({ value: JSON.stringify(data), headers: { ...headers, 'content-type': 'application/json' } });
    expect(read && spanContextOf(read)).toMatchObject({ traceId: '4bf92f3577b34da6a3ce929d0e0e4736', isRemote: true });
  });

  it('without an OpenTelemetry SDK, passes the request context on unchanged to the work and its answer', async () => {
    await expect(inRequestSpan(request, async (trace) => trace)).resolves.toEqual({ traceparent: TRACEPARENT, tracestate: 'nhi=1' });
  });
});
