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
  async onIdentityRegistered(event: NhiEvent<'nhi.identity.discovered'>, manager: EntityManager): Promise<void> {
    await this.ownership.track(manager, event.data);
  }
}
