import { IDEMPOTENCY_STORE_PROVIDER } from '@nhi/persistence';
import { RotationRequestCreateResolver } from './rotation/mutations/rotation-request-create.resolver';
import { Module } from '@nestjs/common';
import { LifecycleClock } from './clock/lifecycle-clock';
import { ExceptionsEventsHandler } from './consumers/exceptions-events.handler';
import { InventoryEventsHandler } from './consumers/inventory-events.handler';
import { OwnershipEventsHandler } from './consumers/ownership-events.handler';
import { RevocationResultsHandler } from './consumers/revocation-results.handler';
import { RevocationTriggersHandler } from './consumers/revocation-triggers.handler';
import { RotationResultsHandler } from './consumers/rotation-results.handler';
import { IntegratorMutationsResolver } from './integrators/mutations/integrator-mutations.resolver';
import { IntegratorsResolver } from './integrators/integrators.resolver';
import { IntegratorsService } from './integrators/integrators.service';
import { HeldEnforcement } from './held-enforcement/held-enforcement';
import { IdentityLifecycleFieldsResolver } from './lifecycle/identity-lifecycle-fields.resolver';
import { LifecycleViewerPermissionsResolver } from './lifecycle/viewer-permissions.resolver';
import { LifecycleResolver } from './lifecycle/lifecycle.resolver';
import { LifecycleService } from './lifecycle/lifecycle.service';
import { MassActionLedger } from './requests/mass-action-ledger';
import { RevocationRequestIdentityResolver, RotationRequestIdentityResolver } from './references/request-identity.resolver';
import { SuspensionExceptionResolver } from './references/suspension-exception.resolver';
import { MassActions } from './mass-actions/mass-actions.service';
import { MassActionMutationsResolver } from './mass-actions/mutations/mass-action-mutations.resolver';
import { MassActionsResolver } from './mass-actions/mass-actions.resolver';
import { RotationPolicyMutationsResolver } from './policies/mutations/rotation-policy-mutations.resolver';
import { PoliciesResolver } from './policies/policies.resolver';
import { PoliciesService } from './policies/policies.service';
import { RequestProgressResolver } from './progress/request-progress.resolver';
import { RequestsById } from './progress/requests-by-id';
import { BulkRevocation } from './revocation/bulk-revocation';
import { RevocationPlanIdentitiesResolver } from './revocation/revocation-plan-identities.resolver';
import { BulkRevocationMutationsResolver } from './revocation/mutations/bulk-revocation-mutations.resolver';
import { BulkRevocationResolver } from './revocation/bulk-revocation.resolver';
import { FailedRevocationsResolver } from './revocation/failed-revocations.resolver';
import { RevocationRequestCreateResolver } from './revocation/mutations/revocation-request-create.resolver';
import { RevocationResolver } from './revocation/revocation.resolver';
import { RevocationService } from './revocation/revocation.service';
import { DueRotations } from './rotation/due-rotations';
import { RotationListsResolver } from './rotation/rotation-lists.resolver';
import { RotationResolver } from './rotation/rotation.resolver';
import { RotationService } from './rotation/rotation.service';
import { Suspensions } from './suspensions/suspensions';

/** Every feature of the lifecycle subgraph, wired at the top so no feature reaches up to its wiring. */
@Module({
  providers: [
    LifecycleService,
    LifecycleResolver,
    IdentityLifecycleFieldsResolver,
    LifecycleViewerPermissionsResolver,
    PoliciesResolver,
    PoliciesService,
    RotationPolicyMutationsResolver,
    InventoryEventsHandler,
    RotationService,
    RotationResolver,
    RotationRequestCreateResolver,
    IDEMPOTENCY_STORE_PROVIDER,
    RotationResultsHandler,
    LifecycleClock,
    DueRotations,
    RotationListsResolver,
    RevocationService,
    RevocationResolver,
    RevocationRequestCreateResolver,
    RevocationResultsHandler,
    RevocationTriggersHandler,
    OwnershipEventsHandler,
    BulkRevocation,
    BulkRevocationResolver,
    BulkRevocationMutationsResolver,
    RevocationPlanIdentitiesResolver,
    FailedRevocationsResolver,
    Suspensions,
    HeldEnforcement,
    ExceptionsEventsHandler,
    IntegratorsService,
    IntegratorsResolver,
    IntegratorMutationsResolver,
    MassActionLedger,
    MassActions,
    MassActionsResolver,
    MassActionMutationsResolver,
    RotationRequestIdentityResolver,
    RevocationRequestIdentityResolver,
    SuspensionExceptionResolver,
    RequestsById,
    RequestProgressResolver,
  ],
})
export class LifecycleModule {}
