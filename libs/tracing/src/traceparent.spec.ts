import { TraceFlags } from '@opentelemetry/api';
import { formatTraceparent, formatTracestate, MAX_TRACESTATE_LENGTH, newUnsampledSpanContext, parseTraceparent } from './traceparent';

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const SPAN_ID = '00f067aa0ba902b7';

describe('parseTraceparent', () => {
  it('reads the version 00 header of the W3C example', () => {
    expect(parseTraceparent(`00-${TRACE_ID}-${SPAN_ID}-01`)).toEqual({
      traceId: TRACE_ID,
      spanId: SPAN_ID,
      traceFlags: TraceFlags.SAMPLED,
      isRemote: true,
    });
  });

  it('keeps only the sampled flag and reads a later version with more fields', () => {
    expect(parseTraceparent(`01-${TRACE_ID}-${SPAN_ID}-03-extra`)).toMatchObject({ traceId: TRACE_ID, traceFlags: TraceFlags.SAMPLED });
    expect(parseTraceparent(`00-${TRACE_ID}-${SPAN_ID}-00`)).toMatchObject({ traceFlags: TraceFlags.NONE });
  });

  it.each([
    ['absent', undefined],
    ['not a string', 42],
    ['empty', ''],
    ['upper-case hex', `00-${TRACE_ID.toUpperCase()}-${SPAN_ID}-01`],
    ['a short trace id', `00-${TRACE_ID.slice(1)}-${SPAN_ID}-01`],
    ['an all-zero trace id', `00-${'0'.repeat(32)}-${SPAN_ID}-01`],
    ['an all-zero parent id', `00-${TRACE_ID}-${'0'.repeat(16)}-01`],
    ['version ff', `ff-${TRACE_ID}-${SPAN_ID}-01`],
    ['version 00 with a fifth field', `00-${TRACE_ID}-${SPAN_ID}-01-extra`],
    ['garbage', 'not-a-traceparent'],
  ])('ignores a traceparent that is %s', (_what, value) => {
    expect(parseTraceparent(value)).toBeUndefined();
  });

  it('carries a tracestate, dropping members that break its grammar and refusing one too long to pass on', () => {
    const parsed = parseTraceparent(`00-${TRACE_ID}-${SPAN_ID}-01`, 'vendor=abc,Bad Key=x,other=1');
    expect(parsed && formatTracestate(parsed)).toBe('vendor=abc,other=1');
    const huge = parseTraceparent(`00-${TRACE_ID}-${SPAN_ID}-01`, `vendor=${'a'.repeat(MAX_TRACESTATE_LENGTH)}`);
    expect(huge?.traceState).toBeUndefined();
  });
});

describe('formatTraceparent', () => {
  it('writes what parseTraceparent reads', () => {
    const header = `00-${TRACE_ID}-${SPAN_ID}-01`;
    const parsed = parseTraceparent(header);
    expect(parsed && formatTraceparent(parsed)).toBe(header);
  });

  it('writes flags as two hex digits', () => {
    expect(formatTraceparent({ traceId: TRACE_ID, spanId: SPAN_ID, traceFlags: TraceFlags.NONE })).toBe(`00-${TRACE_ID}-${SPAN_ID}-00`);
  });
});

describe('newUnsampledSpanContext', () => {
  it('starts a valid, unsampled trace with fresh ids each time', () => {
    const first = newUnsampledSpanContext();
    const second = newUnsampledSpanContext();
    const header = formatTraceparent(first);
    expect(header).toMatch(/^00-[0-9a-f]{32}-[0-9a-f]{16}-00$/);
    expect(parseTraceparent(header)).toMatchObject({ traceId: first.traceId, spanId: first.spanId });
    expect(second.traceId).not.toBe(first.traceId);
  });
});
