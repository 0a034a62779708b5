import { randomBytes } from 'node:crypto';
import { createTraceState, isSpanContextValid, TraceFlags, type SpanContext } from '@opentelemetry/api';

/**
 * The W3C Trace Context `traceparent`: `00-<trace id>-<parent id>-<flags>`, lower-case hex.
 * A later version may append fields after the four we read (the spec asks readers to ignore them).
 */
const TRACEPARENT = /^([0-9a-f]{2})-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})(-.*)?$/;

/** Longest tracestate we pass on: the spec's 32 members of 256 bytes each could make a header too large to carry on every event. */
export const MAX_TRACESTATE_LENGTH = 512;

/** A span context read from a `traceparent` (and `tracestate`), or undefined when it is absent or malformed: never an error. */
export function parseTraceparent(traceparent: unknown, tracestate?: unknown): SpanContext | undefined {
  if (typeof traceparent !== 'string') return undefined;
  const match = TRACEPARENT.exec(traceparent.trim());
  if (!match) return undefined;
  const [, version, traceId, spanId, flags, rest] = match;
  // ff is forbidden; version 00 has exactly four fields.
  if (version === 'ff' || (version === '00' && rest !== undefined)) return undefined;
  const spanContext: SpanContext = { traceId, spanId, traceFlags: parseInt(flags, 16) & TraceFlags.SAMPLED, isRemote: true };
  if (!isSpanContextValid(spanContext)) return undefined;
  if (typeof tracestate === 'string' && tracestate.length > 0 && tracestate.length <= MAX_TRACESTATE_LENGTH) {
    // createTraceState drops members that break the grammar instead of failing.
    spanContext.traceState = createTraceState(tracestate);
  }
  return spanContext;
}

/** The `traceparent` of a span context (version 00). */
export function formatTraceparent(spanContext: Pick<SpanContext, 'traceId' | 'spanId' | 'traceFlags'>): string {
  const flags = (spanContext.traceFlags & TraceFlags.SAMPLED).toString(16).padStart(2, '0');
  return `00-${spanContext.traceId}-${spanContext.spanId}-${flags}`;
}

/** The `tracestate` of a span context, when it has members and fits MAX_TRACESTATE_LENGTH. */
export function formatTracestate(spanContext: Pick<SpanContext, 'traceState'>): string | undefined {
  const serialized = spanContext.traceState?.serialize();
  return serialized && serialized.length <= MAX_TRACESTATE_LENGTH ? serialized : undefined;
}

function randomHex(bytes: number): string {
  for (;;) {
    const hex = randomBytes(bytes).toString('hex');
    // All zeros is the spec's "invalid" id.
    if (/[^0]/.test(hex)) return hex;
  }
}

/** A new trace's root: random ids, not sampled. What an event carries when nothing was being traced. */
export function newUnsampledSpanContext(): SpanContext {
  return { traceId: randomHex(16), spanId: randomHex(8), traceFlags: TraceFlags.NONE, isRemote: false };
}
