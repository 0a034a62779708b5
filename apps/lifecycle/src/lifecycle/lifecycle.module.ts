import { Module } from '@nestjs/common';
import { InventoryEventsHandler } from '../consumers/inventory-events.handler';
import { RotationResultsHandler } from '../consumers/rotation-results.handler';
import { PoliciesResolver } from '../policies/policies.resolver';
import { PoliciesService } from '../policies/policies.service';
import { RotationClock } from '../rotation/rotation-clock';
import { RotationResolver } from '../rotation/rotation.resolver';
import { RotationService } from '../rotation/rotation.service';
import { IdentityLifecycleFieldsResolver } from './identity-lifecycle-fields.resolver';
import { LifecycleResolver } from './lifecycle.resolver';
import { LifecycleService } from './lifecycle.service';

@Module({
  providers: [
    LifecycleService,
    LifecycleResolver,
    IdentityLifecycleFieldsResolver,
    PoliciesResolver,
    PoliciesService,
    InventoryEventsHandler,
    RotationService,
    RotationResolver,
    RotationResultsHandler,
    RotationClock,
  ],
})
export class LifecycleModule {}
