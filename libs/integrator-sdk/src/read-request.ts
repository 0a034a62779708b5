import type { IntegratorRequest } from './events';
import { CLOUDEVENTS_JSON } from './kafka-message';
import { InvalidEventError, validate } from './validate';

/** What the SDK needs of a Kafka message (kafkajs's KafkaMessage fits). */
export interface IncomingMessage {
  value: Buffer | string | null;
  headers?: Record<string, Buffer | string | (Buffer | string)[] | undefined>;
}

function header(message: IncomingMessage, name: string): string | undefined {
  const value = message.headers?.[name];
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : first.toString();
}

function parseJson(value: Buffer | string | null): unknown {
  if (value === null) throw new InvalidEventError([{ field: 'message/value', problem: 'is empty' }]);
  try {
    return JSON.parse(value.toString());
  } catch {
    throw new InvalidEventError([{ field: 'message/value', problem: 'is not JSON' }]);
  }
}

/** The event in a message, in either content mode: `ce_*` headers mean binary, otherwise the value is the event. */
export function readEvent(message: IncomingMessage): unknown {
  const contentType = header(message, 'content-type')?.split(';')[0].trim().toLowerCase();
  if (contentType !== CLOUDEVENTS_JSON && header(message, 'ce_specversion') !== undefined) {
    const attributes = Object.fromEntries(
      Object.keys(message.headers ?? {})
        .filter((name) => name.startsWith('ce_'))
        .map((name) => [name.slice(3), header(message, name)]),
    );
    return { ...attributes, data: parseJson(message.value) };
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
