import { ContractViolationError } from '../contract-violation.error';
import { createEvent, serializeEvent } from '../envelope';
import { readKafkaEvent } from './read-kafka-event';
import type { KafkaRecord } from './kafka-record';

const requestId = '0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b';
const nhiId = '0b8f2f7e-7d8a-4c39-9d59-8e0b7f2f2b11';
const data = { requestId, nhiId, rotatedAt: '2026-12-02T10:00:00Z', newCredentialFingerprint: 'sha256:AbCdEfGhIjKlMnOpQrSt' };
/** The event an integrator wrote by hand in the issue that asked for this: no dataschema, its own id and source. */
const handWritten = {
  specversion: '1.0',
  id: `bars-${requestId}`,
  source: '/integrators/acme',
  type: 'nhi.rotation.completed',
  subject: nhiId,
  time: '2026-12-02T10:00:01Z',
  datacontenttype: 'application/json',
  data,
};
const BROKER_MS = '1796200000000';

function structured(event: object, contentType?: string): KafkaRecord {
  return { value: Buffer.from(JSON.stringify(event)), headers: contentType ? { 'content-type': contentType } : {}, timestamp: BROKER_MS };
}

function binary(headers: Record<string, string>, value: object | string = data): KafkaRecord {
  return { value: Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)), headers, timestamp: BROKER_MS };
}

const binaryHeaders = {
  ce_specversion: '1.0',
  ce_id: 'acme-42',
  ce_source: 'https://acme.example/rotator',
  ce_type: 'nhi.rotation.completed',
  'content-type': 'application/json',
};

describe('readKafkaEvent: what CloudEvents 1.0 allows is accepted', () => {
  it('reads a hand-written structured event with its own id and source and no dataschema', () => {
    expect(readKafkaEvent(structured(handWritten, 'application/cloudevents+json; charset=UTF-8'))).toEqual(handWritten);
  });

  it('reads a structured event with no content-type header', () => {
    expect(readKafkaEvent(structured(handWritten)).id).toBe(handWritten.id);
  });

  it('reads a binary-mode event from ce_ headers, with the data as the value', () => {
    const event = readKafkaEvent(binary(binaryHeaders));
    expect(event).toMatchObject({
      specversion: '1.0',
      id: 'acme-42',
      source: 'https://acme.example/rotator',
      datacontenttype: 'application/json',
      data,
    });
  });

  it('reads binary-mode headers whatever their case, and a repeated header by its last value', () => {
    const record = binary({ ...binaryHeaders, ce_id: 'ignored', 'Content-Type': 'application/json' });
    record.headers = { ...record.headers, ce_id: ['first', 'acme-43'], CE_SUBJECT: nhiId };
    expect(readKafkaEvent(record)).toMatchObject({ id: 'acme-43', subject: nhiId });
  });

  it('takes the broker timestamp as the time when the producer gave none', () => {
    const { time: _time, ...untimed } = handWritten;
    expect(readKafkaEvent(structured(untimed)).time).toBe(new Date(Number(BROKER_MS)).toISOString());
  });

  it('decodes data_base64 holding JSON', () => {
    const { data: _data, ...rest } = handWritten;
    const event = readKafkaEvent(structured({ ...rest, data_base64: Buffer.from(JSON.stringify(data)).toString('base64') }));
    expect(event.data).toEqual(data);
  });

  it('accepts extension attributes and a +json datacontenttype', () => {
    const event = readKafkaEvent(
      structured({ ...handWritten, datacontenttype: 'application/vnd.acme+json', partitionkey: nhiId, acmeregion: 'eu1' }),
    );
    expect(event.data).toEqual(data);
  });

  it("reads the platform's own events as before", () => {
    const ours = createEvent({ source: 'lifecycle', type: 'nhi.rotation.completed', subject: nhiId, data });
    expect(
      readKafkaEvent({ value: serializeEvent(ours), headers: { 'content-type': 'application/cloudevents+json; charset=UTF-8' } }),
    ).toEqual(ours);
  });
});

describe('readKafkaEvent: what breaks CloudEvents or the contract is refused, without quoting it', () => {
  const secret = 'hvs.CAESIJlWh2x0ZXN0c2VjcmV0dmFsdWVfMTIzNDU2Nzg5';
  it.each<[string, KafkaRecord, RegExp]>([
    ['an empty value', { value: null }, /message value is empty/],
    ['a value that is not JSON', { value: `{"id": "${secret}"` }, /^message value is not valid JSON$/],
    ['a JSON array', structured([handWritten]), /not a CloudEvents JSON object/],
    ['no id', structured({ ...handWritten, id: undefined }), /event must have required property 'id'/],
    ['an empty id', structured({ ...handWritten, id: '' }), /event\/id must NOT have fewer than 1 characters/],
    ['an empty source', structured({ ...handWritten, source: '' }), /event\/source/],
    ['specversion 0.3', structured({ ...handWritten, specversion: '0.3' }), /event\/specversion must be equal to constant/],
    ['a time that is not RFC 3339', structured({ ...handWritten, time: secret }), /event\/time must match format "date-time"/],
    ['a dataschema that is not a URI', structured({ ...handWritten, dataschema: secret }), /event\/dataschema must match format "uri"/],
    ['an unknown type', structured({ ...handWritten, type: secret }), /event type is not one the platform defines/],
    [
      'data that breaks the type schema',
      structured({ ...handWritten, data: { ...data, requestId: secret } }),
      /invalid data for nhi.rotation.completed: data\/requestId/,
    ],
    ['both data and data_base64', structured({ ...handWritten, data_base64: 'e30=' }), /both data and data_base64/],
    [
      'an extension named in capitals',
      structured({ ...handWritten, AcmeRegion: 'eu1' }),
      /event has a property whose name is not allowed \(AcmeRegion\)/,
    ],
    ['a structured format other than JSON', structured(handWritten, 'application/cloudevents+avro'), /JSON event format/],
    ['binary data that is not JSON', binary({ ...binaryHeaders, 'content-type': 'text/plain' }, secret), /event data must be JSON/],
    ['binary JSON data that does not parse', binary(binaryHeaders, `{${secret}`), /the event data\) is not valid JSON/],
  ])('refuses %s', (_label, record, reason) => {
    let thrown: unknown;
    try {
      readKafkaEvent(record);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ContractViolationError);
    expect((thrown as Error).message).toMatch(reason);
    expect((thrown as Error).message).not.toContain(secret);
    expect((thrown as Error).message).not.toContain('hvs.');
  });
});
