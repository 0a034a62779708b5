import type { EventDataByType, EventType } from './event-data';

/** A platform event: a CloudEvents 1.0 envelope in structured JSON mode. */
export interface NhiEvent<T extends EventType = EventType> {
  specversion: '1.0';
  id: string;
  source: string;
  type: T;
  subject: string;
  time: string;
  datacontenttype: 'application/json';
  dataschema: string;
  data: EventDataByType[T];
  /** CloudEvents Distributed Tracing extension: the W3C traceparent of what caused the event (always set on what we emit). */
  traceparent?: string;
  /** Its W3C tracestate, when the trace has one. */
  tracestate?: string;
}
