import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '@nhi/runtime';
import { LIFECYCLE_CONFIG, LifecycleConfig } from '../lifecycle-config';
import { RevocationService } from '../revocation/revocation.service';
import { DueRotations } from './due-rotations';
import { RotationService } from './rotation.service';

/**
 * Every LIFECYCLE_TICK_MS: due dates and expiries, then rotation and revocation
 * attempts past their deadline, then due retries.
 */
@Injectable()
export class RotationClock implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(
    @Inject(LIFECYCLE_CONFIG) config: LifecycleConfig,
    rotations: RotationService,
    revocations: RevocationService,
    due: DueRotations,
  ) {
    this.task = new PeriodicTask(
      'handshake clock',
      config.LIFECYCLE_TICK_MS,
      async () => {
        await due.run();
        await rotations.tick();
        await revocations.tick();
      },
      new Logger('HandshakeClock'),
    );
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
