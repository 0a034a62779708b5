import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReceivedEvent } from '@nhi/contracts';
import { EventHandler } from '@nhi/messaging';
import { OwnershipService } from '../ownership/ownership.service';
import { RulesService } from '../rules/rules.service';

/** Learns identities from inventory: ownership never reads inventory's tables. */
@Injectable()
export class InventoryEventsHandler {
  constructor(
    private readonly ownership: OwnershipService,
    private readonly rules: RulesService,
  ) {}

  @EventHandler('nhi.identity.discovered')
  async onIdentityDiscovered(event: ReceivedEvent<'nhi.identity.discovered'>, manager: EntityManager): Promise<void> {
    const at = new Date(event.data.discoveredAt);
    await this.ownership.track(manager, event.data.identity, at);
    await this.rules.evaluateIdentity(manager, event.data.identity.id, at);
  }

  @EventHandler('nhi.identity.updated')
  async onIdentityUpdated(event: ReceivedEvent<'nhi.identity.updated'>, manager: EntityManager): Promise<void> {
    const at = new Date(event.data.updatedAt);
    await this.ownership.refresh(manager, event.data.identity, at);
    await this.rules.evaluateIdentity(manager, event.data.identity.id, at);
  }

  @EventHandler('nhi.identity.decommissioned')
  async onIdentityDecommissioned(event: ReceivedEvent<'nhi.identity.decommissioned'>, manager: EntityManager): Promise<void> {
    await this.ownership.markDecommissioned(manager, event.data.id, new Date(event.data.decommissionedAt));
  }
}
