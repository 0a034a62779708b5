import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReceivedEvent } from '@nhi/contracts';
import { EventHandler } from '@nhi/messaging';
import { IdentitiesService } from '../identities/identities.service';
import { detectSecret } from '@nhi/secrets';

/** Inventory acts on one ownership decision: an owner attesting that an identity should be decommissioned. */
@Injectable()
export class OwnershipEventsHandler {
  constructor(private readonly identities: IdentitiesService) {}

  @EventHandler('nhi.ownership.attested')
  async onAttested(event: ReceivedEvent<'nhi.ownership.attested'>, manager: EntityManager): Promise<void> {
    const { identityId, decision, note, actor, attestedAt, campaignId } = event.data;
    if (decision !== 'DECOMMISSION') return;
    // Notes are free text from people: one that looks like a credential never reaches inventory's tables or events.
    const safeNote = note && !detectSecret(note) ? note : null;
    const reason = `attested DECOMMISSION in campaign ${campaignId}${safeNote ? `: ${safeNote}` : ''}`.slice(0, 1000);
    await this.identities.decommissionAttested(manager, identityId, reason, actor, new Date(attestedAt));
  }
}
