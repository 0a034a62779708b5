import { Module } from '@nestjs/common';
import { ExceptionsEventsHandler } from '../consumers/exceptions-events.handler';
import { HeldEnforcement } from '../suspensions/held-enforcement';
import { Suspensions } from '../suspensions/suspensions';
import { InventoryEventsHandler } from '../consumers/inventory-events.handler';
import { OwnershipEventsHandler } from '../consumers/ownership-events.handler';
import { RevocationResultsHandler } from '../consumers/revocation-results.handler';
import { BulkRevocation } from '../revocation/bulk-revocation';
import { BulkRevocationResolver } from '../revocation/bulk-revocation.resolver';
import { RevocationTriggersHandler } from '../consumers/revocation-triggers.handler';
import { RotationResultsHandler } from '../consumers/rotation-results.handler';
import { RevocationResolver } from '../revocation/revocation.resolver';
import { RevocationService } from '../revocation/revocation.service';
import { PoliciesResolver } from '../policies/policies.resolver';
import { PoliciesService } from '../policies/policies.service';
import { DueRotations } from '../rotation/due-rotations';
import { RotationClock } from '../rotation/rotation-clock';
import { RotationListsResolver } from '../rotation/rotation-lists.resolver';
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
    DueRotations,
    RotationListsResolver,
    RevocationService,
    RevocationResolver,
    RevocationResultsHandler,
    RevocationTriggersHandler,
    OwnershipEventsHandler,
    BulkRevocation,
    BulkRevocationResolver,
    Suspensions,
    HeldEnforcement,
    ExceptionsEventsHandler,
  ],
})
export class LifecycleModule {}
