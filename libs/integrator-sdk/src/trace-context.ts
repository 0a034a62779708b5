import {
  createTraceState,
  isSpanContextValid,
  SpanKind,
  SpanStatusCode,
  trace,
  TraceFlags,
  ROOT_CONTEXT,
  type SpanContext,
} from '@opentelemetry/api';
import type { IntegratorRequest } from './events';

/** The CloudEvents Distributed Tracing extension's attributes: the W3C trace context an event belongs to. */
export interface EventTraceContext {
  traceparent?: string;
  tracestate?: string;
}

/** Longest tracestate passed on, as the platform does. */
const MAX_TRACESTATE_LENGTH = 512;

/**
 * The span context an event's `traceparent` (version 00, which the platform
 * emits) names; undefined when it is absent or malformed, which is never an
 * error. Written here rather than shared: the SDK depends on nothing of the platform.
 */
export function spanContextOf(event: EventTraceContext | { traceparent?: unknown; tracestate?: unknown }): SpanContext | undefined {
  const match = typeof event.traceparent === 'string' ? /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/.exec(event.traceparent) : null;
  if (!match) return undefined;
  const spanContext: SpanContext = {
    traceId: match[1],
    spanId: match[2],
    traceFlags: parseInt(match[3], 16) & TraceFlags.SAMPLED,
    isRemote: true,
  };
  if (!isSpanContextValid(spanContext)) return undefined;
  const { tracestate } = event;
  if (typeof tracestate === 'string' && tracestate.length > 0 && tracestate.length <= MAX_TRACESTATE_LENGTH) {
    spanContext.traceState = createTraceState(tracestate);
  }
  return spanContext;
}

/** An event's extension attributes for a span context; none for an invalid one. */
export function traceContextOf(spanContext: SpanContext | undefined): EventTraceContext {
  if (!spanContext || !isSpanContextValid(spanContext)) return {};
  const flags = (spanContext.traceFlags & TraceFlags.SAMPLED).toString(16).padStart(2, '0');
  const tracestate = spanContext.traceState?.serialize();
  return {
    traceparent: `00-${spanContext.traceId}-${spanContext.spanId}-${flags}`,
    ...(tracestate ? { tracestate } : {}),
  };
}

const tracer = trace.getTracer('@nhi/integrator-sdk');

/**
 * Runs the work on a request in a consumer span whose parent is the request's
 * trace context, and hands it the context its answer carries. With an
 * OpenTelemetry SDK registered, that is the new span's (your own spans inside
 * the work join the trace); without one, the request's own, passed on as it came.
 */
export function inRequestSpan<T>(request: IntegratorRequest, work: (answerTrace: EventTraceContext) => Promise<T>): Promise<T> {
  const parent = spanContextOf(request);
  const context = parent ? trace.setSpanContext(ROOT_CONTEXT, parent) : ROOT_CONTEXT;
  const attributes = { 'messaging.system': 'kafka', 'messaging.operation.type': 'process', 'cloudevents.event_type': request.type };
  return tracer.startActiveSpan(`process ${request.type}`, { kind: SpanKind.CONSUMER, attributes }, context, async (span) => {
    try {
      return await work(traceContextOf(span.spanContext()));
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}
