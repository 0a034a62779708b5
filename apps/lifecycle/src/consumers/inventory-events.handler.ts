import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReceivedEvent } from '@nhi/contracts';
import { EventHandler } from '@nhi/messaging';
import { IdentityLifecycleEntity } from '../identity-data/identity-lifecycle.entity';
import { LifecycleService } from '../lifecycle/lifecycle.service';

/** Learns identities from inventory: lifecycle never reads inventory's tables. */
@Injectable()
export class InventoryEventsHandler {
  constructor(private readonly lifecycle: LifecycleService) {}

  /** Keeps current the attributes bulk revocation selects on (the system can change) and the credentials a rotation targets. */
  @EventHandler('nhi.identity.updated')
  async onIdentityUpdated(event: ReceivedEvent<'nhi.identity.updated'>, manager: EntityManager): Promise<void> {
    const { identity } = event.data;
    await manager.getRepository(IdentityLifecycleEntity).update(
      { identityId: identity.id },
      {
        system: identity.system,
        businessUnit: identity.businessUnit,
        provider: identity.provider,
        // A 1.0 producer says nothing of credentials: what is known stays.
        ...(identity.credentials ? { credentials: identity.credentials } : {}),
      },
    );
  }

  @EventHandler('nhi.identity.discovered')
  async onIdentityRegistered(event: ReceivedEvent<'nhi.identity.discovered'>, manager: EntityManager): Promise<void> {
    await this.lifecycle.track(manager, event.data);
  }
}
