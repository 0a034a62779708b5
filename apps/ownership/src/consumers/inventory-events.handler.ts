import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NhiEvent } from '@nhi/contracts';
import { EventHandler } from '@nhi/messaging';
import { OwnershipService } from '../ownership/ownership.service';

/** Learns identities from inventory: ownership never reads inventory's tables. */
@Injectable()
export class InventoryEventsHandler {
  constructor(private readonly ownership: OwnershipService) {}

  @EventHandler('nhi.identity.discovered')
  async onIdentityDiscovered(event: NhiEvent<'nhi.identity.discovered'>, manager: EntityManager): Promise<void> {
    await this.ownership.track(manager, event.data.identity, new Date(event.data.discoveredAt));
  }

  @EventHandler('nhi.identity.updated')
  async onIdentityUpdated(event: NhiEvent<'nhi.identity.updated'>, manager: EntityManager): Promise<void> {
    await this.ownership.refresh(manager, event.data.identity, new Date(event.data.updatedAt));
  }

  @EventHandler('nhi.identity.decommissioned')
  async onIdentityDecommissioned(event: NhiEvent<'nhi.identity.decommissioned'>, manager: EntityManager): Promise<void> {
    await this.ownership.markDecommissioned(manager, event.data.id, new Date(event.data.decommissionedAt));
  }
}
