import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ownerPathOf, type ReceivedEvent } from '@nhi/contracts';
import { EventHandler } from '@nhi/messaging';
import { KnownIdentitiesService } from '../known-identities/known-identities.service';

/** Who owns each identity, as ownership reports it: what a request for an owner's identities selects on. */
@Injectable()
export class OwnershipEventsHandler {
  constructor(private readonly identities: KnownIdentitiesService) {}

  @EventHandler('nhi.ownership.assigned')
  async onAssigned(event: ReceivedEvent<'nhi.ownership.assigned'>, manager: EntityManager): Promise<void> {
    if (event.data.role === 'PRIMARY')
      await this.identities.setOwner(manager, event.data.identityId, event.data.ownerId, ownerPathOf(event.data));
  }

  @EventHandler('nhi.ownership.unassigned')
  async onUnassigned(event: ReceivedEvent<'nhi.ownership.unassigned'>, manager: EntityManager): Promise<void> {
    if (event.data.role === 'PRIMARY') await this.identities.setOwner(manager, event.data.identityId, null, [], event.data.ownerId);
  }

  @EventHandler('nhi.ownership.orphaned')
  async onOrphaned(event: ReceivedEvent<'nhi.ownership.orphaned'>, manager: EntityManager): Promise<void> {
    await this.identities.setOwner(manager, event.data.identityId, null, []);
  }
}
