import { Injectable } from '@nestjs/common';
import { DiscoveryService, MetadataScanner } from '@nestjs/core';
import type { EntityManager } from 'typeorm';
import type { EventType, ReceivedEvent } from '@nhi/contracts';
import { batchHandlerMetadata, handledEventTypes } from './event-handler.decorator';
import { traced } from '../tracing/handler-span';

export interface RegisteredEventHandler {
  eventType: EventType;
  /** `Class.method`: part of the inbox consumer name, so renaming a handler re-applies past events to it. */
  name: string;
  handle(event: ReceivedEvent, manager: EntityManager): Promise<void>;
  /** A batch handler (@EventBatchHandler): applies a run's events at once; handle() is it with one event. */
  handleBatch?: (events: readonly ReceivedEvent[], manager: EntityManager) => Promise<void>;
  /** The per-event handler (`Class.method`) that applied this type before the batch handler did. */
  formerName?: string;
}

/** Finds every @EventHandler method on the application's singleton providers. */
@Injectable()
export class EventHandlerRegistry {
  private handlers: Map<EventType, RegisteredEventHandler[]> | undefined;

  constructor(
    private readonly discovery: DiscoveryService,
    private readonly scanner: MetadataScanner,
  ) {}

  eventTypes(): EventType[] {
    return [...this.byType().keys()];
  }

  handlersFor(type: EventType): readonly RegisteredEventHandler[] {
    return this.byType().get(type) ?? [];
  }

  /** Scanned on first use: providers only exist once the whole module graph is instantiated. */
  private byType(): Map<EventType, RegisteredEventHandler[]> {
    this.handlers ??= this.discover();
    return this.handlers;
  }

  private discover(): Map<EventType, RegisteredEventHandler[]> {
    const found = new Map<EventType, RegisteredEventHandler[]>();
    for (const wrapper of this.discovery.getProviders()) {
      const instance: unknown = wrapper.instance;
      // Request-scoped providers have no instance to call from a consumer.
      if (!wrapper.isDependencyTreeStatic() || typeof instance !== 'object' || instance === null) continue;
      const prototype: object | null = Object.getPrototypeOf(instance);
      if (!prototype) continue;
      for (const methodName of this.scanner.getAllMethodNames(prototype)) {
        const method: unknown = Reflect.get(instance, methodName);
        if (typeof method !== 'function') continue;
        const name = `${instance.constructor.name}.${methodName}`;
        for (const eventType of handledEventTypes(method)) {
          add(found, {
            eventType,
            name,
            handle: (event, manager) => Reflect.apply(method, instance, [event, manager]) as Promise<void>,
          });
        }
        const batch = batchHandlerMetadata(method);
        if (!batch) continue;
        const handleBatch = (events: readonly ReceivedEvent[], manager: EntityManager) =>
          Reflect.apply(method, instance, [events, manager]) as Promise<void>;
        for (const eventType of batch.types) {
          const former = batch.formerly[eventType];
          add(found, {
            eventType,
            name,
            handle: (event, manager) => handleBatch([event], manager),
            handleBatch,
            ...(former ? { formerName: `${instance.constructor.name}.${former}` } : {}),
          });
        }
      }
    }
    return found;
  }
}

function add(found: Map<EventType, RegisteredEventHandler[]>, handler: RegisteredEventHandler): void {
  const handlers = found.get(handler.eventType) ?? [];
  handlers.push(traced(handler));
  found.set(handler.eventType, handlers);
}
