import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventBatchHandler } from '@nhi/messaging';
import { applyInventoryEvents, type InventoryEvent } from '../lifecycle/inventory-tracking';

/** Learns identities from inventory: lifecycle never reads inventory's tables. A run of events at a time. */
@Injectable()
export class InventoryEventsHandler {
  @EventBatchHandler(['nhi.identity.discovered', 'nhi.identity.updated'], {
    formerly: { 'nhi.identity.discovered': 'onIdentityRegistered', 'nhi.identity.updated': 'onIdentityUpdated' },
  })
  async apply(events: readonly InventoryEvent[], manager: EntityManager): Promise<void> {
    await applyInventoryEvents(manager, events);
  }
}
