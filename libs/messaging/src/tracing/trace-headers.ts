import type { OutboxRow } from '../outbox/outbox-store';

/**
 * The event's trace context as headers too (the CloudEvents Kafka binding's
 * names), so a tool that reads headers only can follow a trace without
 * parsing the value.
 */
export function traceHeaders(row: Pick<OutboxRow, 'traceparent' | 'tracestate'>): Record<string, string> {
  if (!row.traceparent) return {};
  return row.tracestate ? { ce_traceparent: row.traceparent, ce_tracestate: row.tracestate } : { ce_traceparent: row.traceparent };
}
