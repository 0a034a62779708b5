import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { NhiEvent } from '@nhi/contracts';
import { EventHandler } from '@nhi/messaging';
import { SummaryService } from '../summary/summary.service';

/** Metrics counts only what events told it: its numbers can be rebuilt from the topics. */
@Injectable()
export class InventoryEventsHandler {
  constructor(private readonly summaries: SummaryService) {}

  @EventHandler('nhi.identity.discovered')
  async onIdentityRegistered(event: NhiEvent<'nhi.identity.discovered'>, manager: EntityManager): Promise<void> {
    await this.summaries.recordIdentity(manager, event.data);
  }
}
