import { context, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { currentEventTrace, type EventTrace } from '@nhi/tracing';

const tracer = trace.getTracer('@nhi/messaging');

/**
 * Runs an enqueue in a producer span and hands it the trace context its events
 * carry: that span's, or, when nothing is traced, a new unsampled trace's, so
 * every event has a traceparent an integrator or a SIEM can correlate on.
 */
export function inOutboxSpan<T>(events: number, work: (eventTrace: EventTrace) => Promise<T>): Promise<T> {
  const attributes = { 'messaging.system': 'kafka', 'messaging.operation.type': 'create', 'messaging.batch.message_count': events };
  return tracer.startActiveSpan('outbox enqueue', { kind: SpanKind.PRODUCER, attributes }, async (span) => {
    try {
      // From the span itself, not the active context: without a context manager (an in-process test) that would be empty.
      return await work(currentEventTrace(trace.setSpan(context.active(), span)));
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}
