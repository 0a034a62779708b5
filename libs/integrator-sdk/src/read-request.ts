import type { IntegratorRequest } from './events';
import { CLOUDEVENTS_JSON } from './kafka-message';
import { InvalidEventError, validate } from './validate';

/** What the SDK needs of a Kafka message (kafkajs's KafkaMessage fits). */
export interface IncomingMessage {
  value: Buffer | string | null;
  headers?: Record<string, Buffer | string | (Buffer | string)[] | undefined>;
}

/**
 * The message's headers as text by lower-cased name, as the platform reads them:
 * the binding writes `ce_*` and `content-type` in lower case, clients that
 * capitalise them are read too, and a repeated header counts by its last value.
 */
function headersOf(message: IncomingMessage): Map<string, string> {
  const headers = new Map<string, string>();
  for (const [name, raw] of Object.entries(message.headers ?? {})) {
    const value = Array.isArray(raw) ? raw[raw.length - 1] : raw;
    if (value !== undefined) headers.set(name.toLowerCase(), value.toString());
  }
  return headers;
}

function parseJson(value: Buffer | string | null): unknown {
  if (value === null) throw new InvalidEventError([{ field: 'message/value', problem: 'is empty' }]);
  try {
    return JSON.parse(value.toString());
  } catch {
    throw new InvalidEventError([{ field: 'message/value', problem: 'is not JSON' }]);
  }
}

/**
 * The event in a message, in either content mode: `ce_*` headers without a
 * CloudEvents content type mean binary (the content type is then the data's),
 * otherwise the value is the whole event.
 */
export function readEvent(message: IncomingMessage): unknown {
  const headers = headersOf(message);
  const contentType = headers.get('content-type');
  if (contentType?.split(';')[0].trim().toLowerCase() !== CLOUDEVENTS_JSON && headers.has('ce_specversion')) {
    const attributes = Object.fromEntries(
      [...headers].filter(([name]) => name.startsWith('ce_')).map(([name, value]) => [name.slice(3), value]),
    );
    return { ...attributes, ...(contentType === undefined ? {} : { datacontenttype: contentType }), data: parseJson(message.value) };
  }
  return parseJson(message.value);
}

/**
 * A rotation or revocation request from a Kafka message, checked against the
 * contract; undefined for an event of another type (a topic may carry more in
 * a later version). Throws InvalidEventError for a message that is not a valid event.
 */
export function readRequest(message: IncomingMessage): IntegratorRequest | undefined {
  const event = readEvent(message);
  const type = (event as { type?: unknown } | null)?.type;
  if (type !== 'nhi.rotation.requested' && type !== 'nhi.revocation.requested') return undefined;
  const result = validate(event);
  if (!result.valid) throw new InvalidEventError(result.problems);
  return result.event as IntegratorRequest;
}
