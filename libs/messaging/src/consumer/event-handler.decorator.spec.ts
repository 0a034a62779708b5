import type { EntityManager } from 'typeorm';
import type { ReceivedEvent } from '@nhi/contracts';
import { batchHandlerMetadata, EventBatchHandler, EventHandler, handledEventTypes, type ReceivedEventOf } from './event-handler.decorator';

class Projection {
  @EventHandler('nhi.identity.discovered')
  async onRegistered(_event: ReceivedEvent<'nhi.identity.discovered'>, _manager: EntityManager): Promise<void> {
    return undefined;
  }

  @EventHandler('nhi.rotation.completed')
  @EventHandler('nhi.rotation.failed')
  async onRotationResult(_event: ReceivedEvent<'nhi.rotation.completed' | 'nhi.rotation.failed'>): Promise<void> {
    return undefined;
  }

  plain(): void {
    return undefined;
  }
}

class Folding {
  @EventBatchHandler(['nhi.rotation.completed', 'nhi.rotation.failed'], { formerly: { 'nhi.rotation.failed': 'onFailed' } })
  async apply(events: ReadonlyArray<ReceivedEventOf<'nhi.rotation.completed' | 'nhi.rotation.failed'>>): Promise<void> {
    // Narrowing by type compiles: each event's data is its own type's.
    for (const event of events) if (event.type === 'nhi.rotation.failed') void event.data.error;
  }
}

// Compile-time checks: tsc fails if these mistakes stop being errors.
export class Mistakes {
  // @ts-expect-error the method takes a rotation request, the decorator names a registration
  @EventHandler('nhi.identity.discovered')
  async wrongEvent(_event: ReceivedEvent<'nhi.rotation.requested'>): Promise<void> {
    return undefined;
  }

  // @ts-expect-error handlers are asynchronous
  @EventHandler('nhi.identity.discovered')
  notAsync(_event: ReceivedEvent<'nhi.identity.discovered'>): void {
    return undefined;
  }

  // @ts-expect-error not an event type of the platform
  @EventHandler('nhi.identity.exploded')
  async unknownType(): Promise<void> {
    return undefined;
  }

  // @ts-expect-error a batch handler takes an array of events
  @EventBatchHandler(['nhi.identity.discovered'])
  async oneEvent(_event: ReceivedEvent<'nhi.identity.discovered'>): Promise<void> {
    return undefined;
  }

  // @ts-expect-error formerly names only the handler's own types
  @EventBatchHandler(['nhi.identity.discovered'], { formerly: { 'nhi.rotation.failed': 'old' } })
  async strayFormer(_events: ReadonlyArray<ReceivedEvent<'nhi.identity.discovered'>>): Promise<void> {
    return undefined;
  }
}

describe('@EventHandler', () => {
  it('records the event type on the method', () => {
    expect(handledEventTypes(Projection.prototype.onRegistered)).toEqual(['nhi.identity.discovered']);
  });

  it('collects stacked decorators', () => {
    expect(handledEventTypes(Projection.prototype.onRotationResult).sort()).toEqual(['nhi.rotation.completed', 'nhi.rotation.failed']);
  });

  it('finds nothing on undecorated methods or non-functions', () => {
    expect(handledEventTypes(Projection.prototype.plain)).toEqual([]);
    expect(handledEventTypes(undefined)).toEqual([]);
  });
});

describe('@EventBatchHandler', () => {
  it('records the types and the per-event handlers it took over from', () => {
    expect(batchHandlerMetadata(Folding.prototype.apply)).toEqual({
      types: ['nhi.rotation.completed', 'nhi.rotation.failed'],
      formerly: { 'nhi.rotation.failed': 'onFailed' },
    });
  });

  it('finds nothing on per-event handlers or non-functions', () => {
    expect(batchHandlerMetadata(Projection.prototype.onRegistered)).toBeNull();
    expect(batchHandlerMetadata(undefined)).toBeNull();
  });
});
