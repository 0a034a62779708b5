import { context, ROOT_CONTEXT, trace } from '@opentelemetry/api';
import { contextOfEvent, currentEventTrace } from './event-trace';
import { injectTraceContext, traceContextMiddleware } from './http-propagation';
import { installPropagation } from './propagation';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';
const OTHER = '00-11111111111111111111111111111111-2222222222222222-01';

beforeAll(() => installPropagation());

/** What the rest of the request sees: the trace its events would carry. */
function throughMiddleware(headers: Record<string, string>): string {
  let seen = '';
  traceContextMiddleware()({ headers }, {}, () => {
    seen = currentEventTrace().traceparent;
  });
  return seen;
}

describe('trace context over HTTP without the SDK', () => {
  it("continues the caller's traceparent through the rest of the request", () => {
    expect(throughMiddleware({ traceparent: TRACEPARENT, tracestate: 'vendor=abc' })).toBe(TRACEPARENT);
  });

  it('leaves a request without one, or with a malformed one, to start its own trace', () => {
    expect(throughMiddleware({})).not.toContain('4bf92f3577b34da6a3ce929d0e0e4736');
    expect(throughMiddleware({ traceparent: 'garbage' })).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
  });

  it('keeps a span that is already active (the HTTP instrumentation made one)', () => {
    const seen = context.with(contextOfEvent({ traceparent: OTHER }), () => throughMiddleware({ traceparent: TRACEPARENT }));
    expect(seen).toBe(OTHER);
  });

  it('writes the active context into outgoing headers, and nothing when there is none', () => {
    const headers = new Headers();
    injectTraceContext(headers, contextOfEvent({ traceparent: TRACEPARENT, tracestate: 'vendor=abc' }));
    expect(Object.fromEntries(headers)).toEqual({ traceparent: TRACEPARENT, tracestate: 'vendor=abc' });
    const none = new Headers();
    injectTraceContext(none, ROOT_CONTEXT);
    expect([...none.keys()]).toEqual([]);
    expect(trace.getSpanContext(ROOT_CONTEXT)).toBeUndefined();
  });
});
