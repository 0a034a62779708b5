import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventBatchHandler } from '@nhi/messaging';
import { applyInventoryEvents, type InventoryEvent } from '../ownership/inventory-tracking';
import { RulesService } from '../rules/rules.service';

/** Learns identities from inventory, and runs the ownership rules on them: ownership never reads inventory's tables. A run of events at a time. */
@Injectable()
export class InventoryEventsHandler {
  constructor(private readonly rules: RulesService) {}

  @EventBatchHandler(['nhi.identity.discovered', 'nhi.identity.updated', 'nhi.identity.decommissioned'], {
    formerly: {
      'nhi.identity.discovered': 'onIdentityDiscovered',
      'nhi.identity.updated': 'onIdentityUpdated',
      'nhi.identity.decommissioned': 'onIdentityDecommissioned',
    },
  })
  async apply(events: readonly InventoryEvent[], manager: EntityManager): Promise<void> {
    await applyInventoryEvents(manager, events, this.rules);
  }
}
