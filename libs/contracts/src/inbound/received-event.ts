import type { EventDataByType, EventType } from '../event-data';

/**
 * An event as the platform accepts it: a CloudEvents 1.0 event of a type we
 * know, with data that matches the type's schema. Only what CloudEvents itself
 * requires is required; the platform's own events (NhiEvent) carry more, and
 * every NhiEvent is a ReceivedEvent.
 */
export interface ReceivedEvent<T extends EventType = EventType> {
  specversion: '1.0';
  /** Unique within its source only: (source, id) is what identifies an event. */
  id: string;
  /** A URI-reference chosen by the producer: `/nhi/<service>` for ours, anything for an integrator's. */
  source: string;
  type: T;
  subject?: string;
  /** When the producer leaves it out, the time the broker stamped the record. */
  time: string;
  datacontenttype?: string;
  dataschema?: string;
  data: EventDataByType[T];
  /** CloudEvents Distributed Tracing extension, as the producer sent it: read it with a parser that ignores a malformed value. */
  traceparent?: unknown;
  tracestate?: unknown;
}
