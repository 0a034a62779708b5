import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReceivedEvent } from '@nhi/contracts';
import { EventHandler } from '@nhi/messaging';
import { RevocationService } from '../revocation/revocation.service';

/** What makes lifecycle revoke on its own: inventory decommissioning an identity, ownership giving up on an orphan. */
@Injectable()
export class RevocationTriggersHandler {
  constructor(private readonly revocations: RevocationService) {}

  @EventHandler('nhi.identity.decommissioned')
  async onDecommissioned(event: ReceivedEvent<'nhi.identity.decommissioned'>, manager: EntityManager): Promise<void> {
    const { id, reason, decommissionedBy } = event.data;
    await this.revocations.requestFromTrigger(manager, id, `decommissioned by ${decommissionedBy}: ${reason}`);
  }

  @EventHandler('nhi.ownership.revocation-requested')
  async onOrphanRevocation(event: ReceivedEvent<'nhi.ownership.revocation-requested'>, manager: EntityManager): Promise<void> {
    await this.revocations.requestFromTrigger(manager, event.data.identityId, `orphan: ${event.data.reason}`);
  }
}
