import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { ReceivedEvent } from '@nhi/contracts';
import { EventHandler } from '@nhi/messaging';
import { RotationService } from '../rotation/rotation.service';

/** Integrators' answers on nhi.rotation.results.v1, matched to their request by requestId. */
@Injectable()
export class RotationResultsHandler {
  constructor(private readonly rotations: RotationService) {}

  @EventHandler('nhi.rotation.completed')
  async onCompleted(event: ReceivedEvent<'nhi.rotation.completed'>, manager: EntityManager): Promise<void> {
    await this.rotations.applyResult(manager, { source: event.source, outcome: 'completed', data: event.data });
  }

  @EventHandler('nhi.rotation.failed')
  async onFailed(event: ReceivedEvent<'nhi.rotation.failed'>, manager: EntityManager): Promise<void> {
    await this.rotations.applyResult(manager, { source: event.source, outcome: 'failed', data: event.data });
  }
}
