import { Inject, Injectable, Logger } from '@nestjs/common';
import { PeriodicJob } from '@nhi/runtime';
import { HeldEnforcement } from '../held-enforcement/held-enforcement';
import { LIFECYCLE_CONFIG, LifecycleConfig } from '../lifecycle-config';
import { RevocationService } from '../revocation/revocation.service';
import { DueRotations } from '../rotation/due-rotations';
import { RotationService } from '../rotation/rotation.service';

/**
 * Every LIFECYCLE_TICK_MS: due dates and expiries, enforcement whose exceptions
 * have passed expiresAt, then rotation and revocation
 * attempts past their deadline, then due retries. Each step takes its own lock
 * (runExclusively): with several replicas, one runs it and the others skip it.
 */
@Injectable()
export class LifecycleClock extends PeriodicJob {
  constructor(
    @Inject(LIFECYCLE_CONFIG) config: LifecycleConfig,
    private readonly rotations: RotationService,
    private readonly revocations: RevocationService,
    private readonly due: DueRotations,
    private readonly held: HeldEnforcement,
  ) {
    super('lifecycle clock', config.LIFECYCLE_TICK_MS, new Logger('LifecycleClock'));
  }

  async run(): Promise<void> {
    await this.due.run();
    await this.held.sweep();
    await this.rotations.tick();
    await this.revocations.tick();
  }
}
