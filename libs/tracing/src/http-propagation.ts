import { context, propagation, ROOT_CONTEXT, trace, type Context } from '@opentelemetry/api';

/** What outgoing request headers need to offer (the Fetch API's Headers has it). */
export interface SettableHeaders {
  set(name: string, value: string): void;
}

/**
 * Writes the active trace context (traceparent, tracestate) into an outgoing
 * request's headers, through the registered propagator: the callee's spans,
 * and the events it writes, join the caller's trace. Nothing is written when
 * no trace is active.
 */
export function injectTraceContext(headers: SettableHeaders | undefined, active: Context = context.active()): void {
  if (!headers) return;
  propagation.inject(active, headers, { set: (carrier, name, value) => carrier.set(name, value) });
}

/** What the middleware needs of an incoming request and its response: Node's own objects have it. */
interface IncomingHeaders {
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Continues the caller's trace (its `traceparent` header) through the rest of
 * the request when nothing else does: with the SDK on, the HTTP
 * instrumentation has already made a server span of it, and this does
 * nothing. Without it, the caller's context becomes the active one, so the
 * gateway passes it on to the subgraphs and the events a mutation writes carry
 * the portal's trace id. Register it after the body parser: the rest of the
 * chain runs inside it.
 */
export function traceContextMiddleware(): (request: IncomingHeaders, response: unknown, next: () => void) => void {
  return (request, _response, next) => {
    const active = context.active();
    if (trace.getSpanContext(active)) return next();
    const incoming = propagation.extract(ROOT_CONTEXT, request.headers);
    if (!trace.getSpanContext(incoming)) return next();
    context.with(incoming, next);
  };
}
