import { context, ROOT_CONTEXT, trace, type Context, type SpanContext } from '@opentelemetry/api';
import { formatTraceparent, formatTracestate, newUnsampledSpanContext, parseTraceparent } from './traceparent';

/** The CloudEvents Distributed Tracing extension's attributes. */
export interface EventTrace {
  traceparent: string;
  tracestate?: string;
}

/** The extension's attributes for a span context. */
export function eventTraceOf(spanContext: SpanContext): EventTrace {
  const tracestate = formatTracestate(spanContext);
  return { traceparent: formatTraceparent(spanContext), ...(tracestate === undefined ? {} : { tracestate }) };
}

/**
 * What an event written now carries: the active span's context, or, when no
 * span is active (tracing is off, or the work started outside any request), a
 * new unsampled trace, so every event can still be correlated with what it caused.
 */
export function currentEventTrace(active: Context = context.active()): EventTrace {
  const spanContext = trace.getSpanContext(active);
  return eventTraceOf(spanContext && trace.isSpanContextValid(spanContext) ? spanContext : newUnsampledSpanContext());
}

/** The context an event's extension attributes name, for work done because of it; ROOT_CONTEXT when they are absent or malformed. */
export function contextOfEvent(event: { traceparent?: unknown; tracestate?: unknown }): Context {
  const spanContext = parseTraceparent(event.traceparent, event.tracestate);
  return spanContext ? trace.setSpanContext(ROOT_CONTEXT, spanContext) : ROOT_CONTEXT;
}

/** The span context an event's attributes name, for a link; undefined when they are absent or malformed. */
export function spanContextOfEvent(event: { traceparent?: unknown; tracestate?: unknown }): SpanContext | undefined {
  return parseTraceparent(event.traceparent, event.tracestate);
}
