import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '@nhi/runtime';
import { LIFECYCLE_CONFIG, LifecycleConfig } from '../lifecycle-config';
import { RevocationService } from '../revocation/revocation.service';
import { RotationService } from './rotation.service';

/** Times out rotation and revocation attempts past their deadline and starts due retries, every LIFECYCLE_TICK_MS. */
@Injectable()
export class RotationClock implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(@Inject(LIFECYCLE_CONFIG) config: LifecycleConfig, rotations: RotationService, revocations: RevocationService) {
    this.task = new PeriodicTask(
      'handshake clock',
      config.LIFECYCLE_TICK_MS,
      async () => {
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
