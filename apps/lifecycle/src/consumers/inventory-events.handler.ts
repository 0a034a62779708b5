import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NhiEvent } from '@nhi/contracts';
import { EventHandler } from '@nhi/messaging';
import { LifecycleService } from '../lifecycle/lifecycle.service';

/** Learns identities from inventory: lifecycle never reads inventory's tables. */
@Injectable()
export class InventoryEventsHandler {
  constructor(private readonly lifecycle: LifecycleService) {}

  @EventHandler('nhi.identity.discovered')
  async onIdentityRegistered(event: NhiEvent<'nhi.identity.discovered'>, manager: EntityManager): Promise<void> {
    await this.lifecycle.track(manager, event.data);
  }
}
