import 'reflect-metadata';
import type { EntityManager } from 'typeorm';
import type { EventType, ReceivedEvent } from '@nhi/contracts';

export const EVENT_HANDLER_METADATA = 'nhi:messaging:event-handler';

/** What a handler receives: the validated event and the transaction its inbox row is written in. */
export type EventHandlerFunction<T extends EventType> = (event: ReceivedEvent<T>, manager: EntityManager) => Promise<void>;

/**
 * Marks a provider method as the handler of one event type. The method runs in
 * a transaction that also records the event in the inbox, so it applies each
 * event once: write through `manager` to share that transaction.
 * Stack the decorator to handle several types with one method.
 */
export function EventHandler<T extends EventType>(type: T) {
  return <M extends EventHandlerFunction<T>>(_target: object, _method: string | symbol, descriptor: TypedPropertyDescriptor<M>): void => {
    const handler = descriptor.value;
    if (!handler) return;
    Reflect.defineMetadata(EVENT_HANDLER_METADATA, [...handledEventTypes(handler), type], handler);
  };
}

/** The event types a method was decorated for; empty for any other function. */
export function handledEventTypes(method: unknown): EventType[] {
  if (typeof method !== 'function') return [];
  const types: unknown = Reflect.getMetadata(EVENT_HANDLER_METADATA, method);
  return Array.isArray(types) ? (types as EventType[]) : [];
}

export const EVENT_BATCH_HANDLER_METADATA = 'nhi:messaging:event-batch-handler';

/** An event of one of the types T, narrowed by its `type` (ReceivedEvent<'a' | 'b'> is not). */
export type ReceivedEventOf<T extends EventType> = T extends EventType ? ReceivedEvent<T> : never;

/** What a batch handler receives: a run's events of its types, in partition order, and the run's transaction. */
export type EventBatchHandlerFunction<T extends EventType> = (
  events: ReadonlyArray<ReceivedEventOf<T>>,
  manager: EntityManager,
) => Promise<void>;

export interface EventBatchHandlerOptions<T extends EventType> {
  /**
   * The per-event handler method (of the same class) that applied a type
   * before this batch handler did: its inbox rows count as applied, so an
   * event redelivered across the upgrade is not applied twice.
   */
  formerly?: Partial<Record<T, string>>;
}

export interface BatchHandlerMetadata {
  types: EventType[];
  formerly: Partial<Record<EventType, string>>;
}

/**
 * Marks a provider method as the handler of runs of events of the given
 * types: the consumer hands it, at once, the events of one partition's run
 * (up to CONSUMER_RUN_SIZE consecutive messages) that it has not applied
 * before, in partition order, with the transaction that records them in the
 * inbox. An event with a per-event handler cuts the run in two: the batch
 * handler gets the events before it first, so the per-event handler sees
 * their effects, as one at a time would. The method must leave the state that applying them one at a time,
 * in that order, would leave: it may use set-based SQL, but must fold two
 * events about one key the way two calls would. When it throws, the run is
 * rolled back and its events are applied one by one (an array of one), so a
 * failing event is retried alone and dead-lettered without the others.
 */
export function EventBatchHandler<T extends EventType>(types: readonly T[], options: EventBatchHandlerOptions<T> = {}) {
  return <M extends EventBatchHandlerFunction<T>>(
    _target: object,
    _method: string | symbol,
    descriptor: TypedPropertyDescriptor<M>,
  ): void => {
    const handler = descriptor.value;
    if (!handler) return;
    const metadata: BatchHandlerMetadata = { types: [...types], formerly: { ...options.formerly } };
    Reflect.defineMetadata(EVENT_BATCH_HANDLER_METADATA, metadata, handler);
  };
}

/** What a method was decorated with as a batch handler; null for any other function. */
export function batchHandlerMetadata(method: unknown): BatchHandlerMetadata | null {
  if (typeof method !== 'function') return null;
  const metadata: unknown = Reflect.getMetadata(EVENT_BATCH_HANDLER_METADATA, method);
  return metadata && typeof metadata === 'object' ? (metadata as BatchHandlerMetadata) : null;
}
