import { Inject, Injectable, Logger } from '@nestjs/common';
import { PeriodicJob } from '@nhi/runtime';
import { LIFECYCLE_CONFIG, LifecycleConfig } from '../lifecycle-config';
import { RevocationService } from '../revocation/revocation.service';
import { HeldEnforcement } from '../suspensions/held-enforcement';
import { DueRotations } from './due-rotations';
import { RotationService } from './rotation.service';

/**
 * Every LIFECYCLE_TICK_MS: due dates and expiries, enforcement whose exceptions
 * have passed expiresAt, then rotation and revocation
 * attempts past their deadline, then due retries.
 */
@Injectable()
export class RotationClock extends PeriodicJob {
  constructor(
    @Inject(LIFECYCLE_CONFIG) config: LifecycleConfig,
    private readonly rotations: RotationService,
    private readonly revocations: RevocationService,
    private readonly due: DueRotations,
    private readonly held: HeldEnforcement,
  ) {
    super('handshake clock', config.LIFECYCLE_TICK_MS, new Logger('HandshakeClock'));
  }

  async run(): Promise<void> {
    await this.due.run();
    await this.held.sweep();
    await this.rotations.tick();
    await this.revocations.tick();
  }
}
