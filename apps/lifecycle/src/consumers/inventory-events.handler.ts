import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventBatchHandler } from '@nhi/messaging';
import { applyFindingEvents, type FindingEvent } from '../lifecycle/finding-tracking';
import { applyInventoryEvents, type InventoryEvent } from '../lifecycle/inventory-tracking';

const isFinding = (event: InventoryEvent | FindingEvent): event is FindingEvent =>
  event.type === 'nhi.finding.opened' || event.type === 'nhi.finding.closed';

/** Learns identities and their open findings from inventory: lifecycle never reads inventory's tables. A run of events at a time. */
@Injectable()
export class InventoryEventsHandler {
  @EventBatchHandler(['nhi.identity.discovered', 'nhi.identity.updated', 'nhi.finding.opened', 'nhi.finding.closed'], {
    formerly: { 'nhi.identity.discovered': 'onIdentityRegistered', 'nhi.identity.updated': 'onIdentityUpdated' },
  })
  async apply(events: ReadonlyArray<InventoryEvent | FindingEvent>, manager: EntityManager): Promise<void> {
    await applyInventoryEvents(
      manager,
      events.filter((event): event is InventoryEvent => !isFinding(event)),
    );
    await applyFindingEvents(manager, events.filter(isFinding));
  }
}
