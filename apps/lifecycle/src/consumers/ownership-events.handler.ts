import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ownerPathOf, type ReceivedEvent } from '@nhi/contracts';
import { EventHandler } from '@nhi/messaging';
import { IdentityLifecycleEntity } from '../identity-data/identity-lifecycle.entity';

/** Who owns each identity, as ownership reports it: what a bulk revocation by owner selects on, and who may ask for a rotation. */
@Injectable()
export class OwnershipEventsHandler {
  @EventHandler('nhi.ownership.assigned')
  async onAssigned(event: ReceivedEvent<'nhi.ownership.assigned'>, manager: EntityManager): Promise<void> {
    if (event.data.role !== 'PRIMARY') return;
    await manager
      .getRepository(IdentityLifecycleEntity)
      .update({ identityId: event.data.identityId }, { ownerId: event.data.ownerId, ownerPath: ownerPathOf(event.data) });
  }

  @EventHandler('nhi.ownership.unassigned')
  async onUnassigned(event: ReceivedEvent<'nhi.ownership.unassigned'>, manager: EntityManager): Promise<void> {
    if (event.data.role !== 'PRIMARY') return;
    await manager
      .getRepository(IdentityLifecycleEntity)
      .update({ identityId: event.data.identityId, ownerId: event.data.ownerId }, { ownerId: null, ownerPath: [] });
  }

  @EventHandler('nhi.ownership.orphaned')
  async onOrphaned(event: ReceivedEvent<'nhi.ownership.orphaned'>, manager: EntityManager): Promise<void> {
    await manager.getRepository(IdentityLifecycleEntity).update({ identityId: event.data.identityId }, { ownerId: null, ownerPath: [] });
  }
}
