import { Inject, Injectable, Logger, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { PeriodicTask } from '@nhi/runtime';
import { LIFECYCLE_CONFIG, LifecycleConfig } from '../lifecycle-config';
import { RotationService } from './rotation.service';

/** Times out attempts past their deadline and starts due retries, every LIFECYCLE_TICK_MS. */
@Injectable()
export class RotationClock implements OnApplicationBootstrap, OnApplicationShutdown {
  private readonly task: PeriodicTask;

  constructor(@Inject(LIFECYCLE_CONFIG) config: LifecycleConfig, rotations: RotationService) {
    this.task = new PeriodicTask('rotation clock', config.LIFECYCLE_TICK_MS, () => rotations.tick(), new Logger('RotationClock'));
  }

  onApplicationBootstrap(): void {
    this.task.start();
  }

  onApplicationShutdown(): Promise<void> {
    return this.task.stop();
  }
}
