import { EVENT_TYPES } from './event-types';
import { timeOrderedUuid } from './time-ordered-uuid';
import type { EventDataByType, EventType } from './event-data';
import type { NhiEvent } from './nhi-event';
import { assertValidEvent } from './validator';
import { ContractViolationError } from './contract-violation.error';

export interface NewEvent<T extends EventType> {
  /** Service name, becomes `/nhi/<service>`. */
  source: string;
  type: T;
  /** The identity id: it is also the Kafka message key, so one identity's events stay in order. */
  subject: string;
  data: EventDataByType[T];
  id?: string;
  time?: Date;
  /** CloudEvents Distributed Tracing extension: the W3C trace context of the operation that caused the event. */
  traceparent?: string;
  tracestate?: string;
}

export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=UTF-8';

/**
 * Builds an event and checks it against the contract before anyone publishes it.
 * The envelope is written out directly rather than through the CloudEvents SDK's
 * constructor: bulk ingest makes millions of events, and the SDK's own
 * validation plus a JSON round trip cost several times the event itself
 * (docs/adr/0008-bulk-ingest-performance.md). A test holds the result to the SDK.
 */
export function createEvent<T extends EventType>(input: NewEvent<T>): NhiEvent<T> {
  const event: NhiEvent<T> = {
    specversion: '1.0',
    id: input.id ?? timeOrderedUuid(),
    source: `/nhi/${input.source}`,
    type: input.type,
    subject: input.subject,
    time: (input.time ?? new Date()).toISOString(),
    datacontenttype: 'application/json',
    dataschema: EVENT_TYPES[input.type].schema.$id,
    data: input.data,
  };
  if (input.traceparent !== undefined) event.traceparent = input.traceparent;
  if (input.tracestate !== undefined) event.tracestate = input.tracestate;
  assertValidEvent(event);
  return event;
}

/** Parses one of the platform's own events and holds it to the strict outbound contract (what integrators send is read by readKafkaEvent). */
export function parseEvent(value: Buffer | string | null): NhiEvent {
  if (value === null || value.length === 0) {
    throw new ContractViolationError('empty message value: expected a CloudEvents JSON document');
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(value.toString());
  } catch {
    // JSON.parse's own message quotes the text around the fault: it is never passed on.
    throw new ContractViolationError('message value is not valid JSON');
  }
  assertValidEvent(parsed);
  return parsed;
}

export function serializeEvent(event: NhiEvent): string {
  return JSON.stringify(event);
}
