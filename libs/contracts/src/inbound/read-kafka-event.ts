import { ContractViolationError } from '../contract-violation.error';
import { assertCloudEvent, assertKnownTypeAndData } from '../validator';
import { headersOf, type KafkaRecord } from './kafka-record';
import { CLOUDEVENTS_JSON, isJsonMediaType, mediaType } from './media-type';
import type { ReceivedEvent } from './received-event';

/** The binding's prefix for context attributes carried as headers in binary mode. */
const BINARY_PREFIX = 'ce_';

/**
 * Reads an event from a Kafka record in either content mode of the CloudEvents
 * Kafka protocol binding: structured (the whole event as JSON in the value,
 * with `content-type: application/cloudevents+json` or no content type) or
 * binary (attributes in `ce_*` headers, the data as the value). The event is
 * judged by CloudEvents 1.0 itself and its data by the contract of its type.
 * Errors say what and where, never the values.
 */
export function readKafkaEvent(record: KafkaRecord): ReceivedEvent {
  const headers = headersOf(record);
  const contentType = mediaType(headers.get('content-type'));
  let attributes: Record<string, unknown>;
  if (contentType?.startsWith('application/cloudevents')) {
    if (contentType !== CLOUDEVENTS_JSON) {
      throw new ContractViolationError(`structured events must use the JSON event format (content-type ${CLOUDEVENTS_JSON})`);
    }
    attributes = structured(record);
  } else if (headers.has(`${BINARY_PREFIX}specversion`)) {
    attributes = binary(record, headers);
  } else {
    attributes = structured(record);
  }
  return received(attributes, record);
}

function structured(record: KafkaRecord): Record<string, unknown> {
  const parsed = parseJson(record.value, 'message value');
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    throw new ContractViolationError('message value is not a CloudEvents JSON object');
  }
  const event = parsed as Record<string, unknown>;
  if (event.data_base64 === undefined) return event;
  if ('data' in event) throw new ContractViolationError('event has both data and data_base64: CloudEvents allows one of them');
  if (typeof event.data_base64 !== 'string') throw new ContractViolationError('event/data_base64 must be a base64 string');
  // Binary data in the JSON format: ours is always JSON, so it is decoded and read as such.
  const { data_base64: encoded, ...rest } = event;
  assertJsonData(rest.datacontenttype);
  return { ...rest, data: parseJson(Buffer.from(encoded as string, 'base64'), 'event/data_base64') };
}

function binary(record: KafkaRecord, headers: Map<string, string>): Record<string, unknown> {
  const attributes: Record<string, unknown> = {};
  for (const [name, value] of headers) {
    if (name.startsWith(BINARY_PREFIX)) attributes[name.slice(BINARY_PREFIX.length)] = value;
  }
  const contentType = headers.get('content-type');
  if (contentType !== undefined) attributes.datacontenttype = contentType;
  assertJsonData(contentType);
  attributes.data = parseJson(record.value, 'message value (the event data)');
  return attributes;
}

function assertJsonData(contentType: unknown): void {
  if (contentType === undefined) return;
  if (typeof contentType !== 'string' || !isJsonMediaType(mediaType(contentType))) {
    throw new ContractViolationError('event data must be JSON (datacontenttype application/json or a +json type)');
  }
}

function parseJson(value: Buffer | string | null, what: string): unknown {
  if (value === null || value.length === 0) throw new ContractViolationError(`${what} is empty: expected JSON`);
  try {
    return JSON.parse(value.toString());
  } catch {
    // JSON.parse's own message quotes the text around the fault: it is never passed on.
    throw new ContractViolationError(`${what} is not valid JSON`);
  }
}

function received(attributes: Record<string, unknown>, record: KafkaRecord): ReceivedEvent {
  assertCloudEvent(attributes);
  assertKnownTypeAndData(attributes as { type: string; data?: unknown });
  const event = attributes as { time?: string };
  // CloudEvents makes time optional; the broker's timestamp is when the event was at the latest.
  event.time ??= brokerTime(record);
  return event as unknown as ReceivedEvent;
}

function brokerTime(record: KafkaRecord): string {
  const stamped = Number(record.timestamp);
  return new Date(Number.isFinite(stamped) && stamped > 0 ? stamped : Date.now()).toISOString();
}
