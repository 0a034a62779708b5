import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { RotationCompletedData } from '@nhi/contracts';
import { EventBatchHandler, type ReceivedEventOf } from '@nhi/messaging';
import { handshakeResultOf } from '../handshake/handshake-result';
import { RotationService } from '../rotation/rotation.service';

type RotationResult = ReceivedEventOf<'nhi.rotation.completed' | 'nhi.rotation.failed'>;

/** Integrators' answers on nhi.rotation.results.v1, matched to their request by requestId, a run at a time. */
@Injectable()
export class RotationResultsHandler {
  constructor(private readonly rotations: RotationService) {}

  @EventBatchHandler(['nhi.rotation.completed', 'nhi.rotation.failed'], {
    formerly: { 'nhi.rotation.completed': 'onCompleted', 'nhi.rotation.failed': 'onFailed' },
  })
  async apply(events: readonly RotationResult[], manager: EntityManager): Promise<void> {
    await this.rotations.applyResults(manager, events.map(handshakeResultOf<RotationCompletedData>));
  }
}
