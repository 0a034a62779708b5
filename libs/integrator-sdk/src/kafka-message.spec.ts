import { answerRotation } from './answers';
import { toKafkaMessage } from './kafka-message';
import { readEvent, readRequest } from './read-request';

const ids = { requestId: '01900000-0000-7000-8000-000000000001', nhiId: '01900000-0000-7000-8000-000000000002' };
const result = answerRotation(ids, {}, { source: '/integrators/acme' });

describe('toKafkaMessage', () => {
  it('keys by the identity and puts the whole event in the value in structured mode', () => {
    const message = toKafkaMessage(result);

    expect(message).toMatchObject({ key: ids.nhiId, headers: { 'content-type': 'application/cloudevents+json' } });
    expect(JSON.parse(message.value)).toEqual(result);
  });

  it('carries the attributes as ce_ headers and the data as the value in binary mode, and reads back the same', () => {
    const message = toKafkaMessage(result, 'binary');

    expect(message.headers).toMatchObject({ ce_specversion: '1.0', ce_source: '/integrators/acme', 'content-type': 'application/json' });
    expect(JSON.parse(message.value)).toEqual(result.data);
    expect(readEvent(message)).toEqual(result);
  });
});

describe('readEvent', () => {
  it('reads ce_ headers in any case, a repeated header by its last value', () => {
    const message = toKafkaMessage(result, 'binary');
    const headers = { ...message.headers, CE_SOURCE: ['/integrators/old', '/integrators/acme'] } as Record<string, string | string[]>;
    delete headers.ce_source;

    expect(readEvent({ value: message.value, headers })).toEqual(result);
  });
});

describe('readRequest', () => {
  const request = {
    specversion: '1.0',
    id: 'r-1',
    source: '/nhi/lifecycle',
    type: 'nhi.rotation.requested',
    data: {
      ...ids,
      provider: 'demo',
      externalId: 'kv/app',
      kind: 'SECRET',
      reason: 'due',
      requestedAt: '2026-12-01T10:00:00Z',
      deadline: '2026-12-01T11:00:00Z',
    },
  };

  it('returns the typed request, leaves other types alone and refuses a broken one', () => {
    expect(readRequest({ value: JSON.stringify(request) })).toEqual(request);
    expect(readRequest({ value: JSON.stringify({ ...request, type: 'nhi.something.else' }) })).toBeUndefined();
    expect(() => readRequest({ value: JSON.stringify({ ...request, data: { ...request.data, kind: 'NOPE' } }) })).toThrow(/data\/kind/);
    expect(() => readRequest({ value: 'not json' })).toThrow(/message\/value is not JSON/);
  });
});
