import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReceivedEvent } from '@nhi/contracts';
import { EventHandler } from '@nhi/messaging';
import { KnownIdentitiesService } from '../known-identities/known-identities.service';

/** Learns identities from inventory, so requests for unknown identities can be refused and selections resolved. */
@Injectable()
export class InventoryEventsHandler {
  constructor(private readonly identities: KnownIdentitiesService) {}

  @EventHandler('nhi.identity.discovered')
  async onIdentityRegistered(event: ReceivedEvent<'nhi.identity.discovered'>, manager: EntityManager): Promise<void> {
    await this.identities.remember(manager, event.data);
  }

  @EventHandler('nhi.identity.updated')
  async onIdentityUpdated(event: ReceivedEvent<'nhi.identity.updated'>, manager: EntityManager): Promise<void> {
    await this.identities.update(manager, event.data);
  }
}
