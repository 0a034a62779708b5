import type { EntityManager } from 'typeorm';
import type { ReceivedEvent } from '@nhi/contracts';
import { EventHandler, handledEventTypes } from './event-handler.decorator';

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
