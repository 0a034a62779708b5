import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RevocationCompletedData } from '@nhi/contracts';
import { EventBatchHandler, type ReceivedEventOf } from '@nhi/messaging';
import { handshakeResultOf } from '../handshake/handshake-result';
import { RevocationService } from '../revocation/revocation.service';

type RevocationResult = ReceivedEventOf<'nhi.revocation.completed' | 'nhi.revocation.failed'>;

/** Integrators' answers on nhi.revocation.results.v1, matched to their request by requestId, a run at a time. */
@Injectable()
export class RevocationResultsHandler {
  constructor(private readonly revocations: RevocationService) {}

  @EventBatchHandler(['nhi.revocation.completed', 'nhi.revocation.failed'], {
    formerly: { 'nhi.revocation.completed': 'onCompleted', 'nhi.revocation.failed': 'onFailed' },
  })
  async apply(events: readonly RevocationResult[], manager: EntityManager): Promise<void> {
    await this.revocations.applyResults(manager, events.map(handshakeResultOf<RevocationCompletedData>));
  }
}
