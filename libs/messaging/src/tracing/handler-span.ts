import { ROOT_CONTEXT, SpanKind, SpanStatusCode, trace, type Context, type Link } from '@opentelemetry/api';
import type { ReceivedEvent } from '@nhi/contracts';
import { contextOfEvent, installPropagation, spanContextOfEvent } from '@nhi/tracing';
import type { RegisteredEventHandler } from '../consumer/event-handler-registry';

const tracer = trace.getTracer('@nhi/messaging');
/** The SDK's default cap on a span's links; a larger run links its first events only. */
const MAX_LINKS = 128;

/**
 * The span a handler call runs in, and so the trace its outbox rows carry on.
 * One event, or a run whose events all belong to one trace (a bulk ingest's),
 * continues that trace: the span is a child of the event's context. A run that
 * mixes traces cannot have several parents: it starts a trace of its own,
 * linked to each event's, so a trace viewer still leads from one to the other.
 */
function parentOf(events: readonly ReceivedEvent[]): { parent: Context; links: Link[] } {
  const contexts = events.map(spanContextOfEvent);
  const first = contexts[0];
  if (first && contexts.every((c) => c?.traceId === first.traceId)) return { parent: contextOfEvent(events[0]), links: [] };
  const links = contexts
    .filter((c) => c !== undefined)
    .slice(0, MAX_LINKS)
    .map((c) => ({ context: c }));
  return { parent: ROOT_CONTEXT, links };
}

function inHandlerSpan(handler: RegisteredEventHandler, events: readonly ReceivedEvent[], work: () => Promise<void>): Promise<void> {
  const { parent, links } = parentOf(events);
  const attributes = {
    'messaging.system': 'kafka',
    'messaging.operation.type': 'process',
    'messaging.batch.message_count': events.length,
    'nhi.handler': handler.name,
  };
  return tracer.startActiveSpan(`process ${handler.eventType}`, { kind: SpanKind.CONSUMER, attributes, links }, parent, async (span) => {
    try {
      await work();
    } catch (error) {
      span.setStatus({ code: SpanStatusCode.ERROR });
      throw error;
    } finally {
      span.end();
    }
  });
}

/**
 * The handler with every call in a consumer span that continues its events'
 * trace (ADR 0033). Propagation is installed here too, so a consumer carries
 * traces on even when its main did not start tracing (an app booted in-process by a test).
 */
export function traced(handler: RegisteredEventHandler): RegisteredEventHandler {
  installPropagation();
  const { handle, handleBatch } = handler;
  return {
    ...handler,
    handle: (event, manager) => inHandlerSpan(handler, [event], () => handle(event, manager)),
    ...(handleBatch ? { handleBatch: (events, manager) => inHandlerSpan(handler, events, () => handleBatch(events, manager)) } : {}),
  };
}
