import { context, propagation } from '@opentelemetry/api';
import { AsyncLocalStorageContextManager } from '@opentelemetry/context-async-hooks';
import { W3CTraceContextPropagator } from '@opentelemetry/core';

let installed = false;

/**
 * What runs when nothing is exported: an async-local context (so a consumed
 * event's trace reaches the outbox rows its handler writes) and the W3C
 * propagator (so a `traceparent` that arrives is passed on). No tracer: spans
 * stay no-ops and cost nothing. Registering twice, or after the SDK, keeps the first.
 */
export function installPropagation(): void {
  if (installed) return;
  propagationInstalled();
  const manager = new AsyncLocalStorageContextManager();
  if (context.setGlobalContextManager(manager.enable())) propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  else manager.disable();
}

/** Says that a context manager and a propagator are in place (the SDK registers its own): installPropagation() does nothing then. */
export function propagationInstalled(): void {
  installed = true;
}
