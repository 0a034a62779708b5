import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReceivedEvent } from '@nhi/contracts';
import { EventHandler } from '@nhi/messaging';
import { RevocationService } from '../revocation/revocation.service';

/** Integrators' answers on nhi.revocation.results.v1, matched to their request by requestId. */
@Injectable()
export class RevocationResultsHandler {
  constructor(private readonly revocations: RevocationService) {}

  @EventHandler('nhi.revocation.completed')
  async onCompleted(event: ReceivedEvent<'nhi.revocation.completed'>, manager: EntityManager): Promise<void> {
    await this.revocations.applyResult(manager, { source: event.source, outcome: 'completed', data: event.data });
  }

  @EventHandler('nhi.revocation.failed')
  async onFailed(event: ReceivedEvent<'nhi.revocation.failed'>, manager: EntityManager): Promise<void> {
    await this.revocations.applyResult(manager, { source: event.source, outcome: 'failed', data: event.data });
  }
}
