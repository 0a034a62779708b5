import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NhiEvent } from '@nhi/contracts';
import { EventHandler } from '@nhi/messaging';
import { ExceptionsService } from '../exceptions/exceptions.service';

/** Learns identities from inventory, so requests for unknown identities can be refused. */
@Injectable()
export class InventoryEventsHandler {
  constructor(private readonly exceptions: ExceptionsService) {}

  @EventHandler('nhi.identity.discovered')
  async onIdentityRegistered(event: NhiEvent<'nhi.identity.discovered'>, manager: EntityManager): Promise<void> {
    await this.exceptions.rememberIdentity(manager, event.data);
  }
}
