import { ROOT_CONTEXT, trace, TraceFlags } from '@opentelemetry/api';
import { contextOfEvent, currentEventTrace } from './event-trace';

const TRACEPARENT = '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01';

describe('event trace', () => {
  it('carries the active span context on what is written now', () => {
    expect(currentEventTrace(contextOfEvent({ traceparent: TRACEPARENT, tracestate: 'vendor=abc' }))).toEqual({
      traceparent: TRACEPARENT,
      tracestate: 'vendor=abc',
    });
  });

  it('starts an unsampled trace when no span is active, a new one each time', () => {
    const first = currentEventTrace(ROOT_CONTEXT);
    expect(first).toEqual({ traceparent: expect.stringMatching(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/) });
    expect(currentEventTrace(ROOT_CONTEXT).traceparent).not.toBe(first.traceparent);
  });

  it('reads an event without the extension, or with a malformed one, as no context at all', () => {
    expect(contextOfEvent({})).toBe(ROOT_CONTEXT);
    expect(contextOfEvent({ traceparent: 'nonsense' })).toBe(ROOT_CONTEXT);
    expect(trace.getSpanContext(contextOfEvent({ traceparent: TRACEPARENT }))).toMatchObject({
      traceFlags: TraceFlags.SAMPLED,
      isRemote: true,
    });
  });
});
