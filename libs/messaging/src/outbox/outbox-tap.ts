import { AsyncLocalStorage } from 'node:async_hooks';
import type { NhiEvent } from '@nhi/contracts';

/**
 * Lets a caller see the events enqueued in its async scope, whichever service
 * method enqueued them: the audit record of a mutation names what the mutation
 * changed (the ids in its events) without each service passing them up.
 */
const taps = new AsyncLocalStorage<(events: readonly NhiEvent[]) => void>();

/** Runs work with `tap` told of every event enqueued within it (including in transactions that later roll back). */
export function withOutboxTap<T>(tap: (events: readonly NhiEvent[]) => void, work: () => T): T {
  return taps.run(tap, work);
}

export function tapEnqueued(events: readonly NhiEvent[]): void {
  taps.getStore()?.(events);
}
