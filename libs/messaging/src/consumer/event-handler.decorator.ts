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
