import type { SubgraphSchema } from '@nhi/graphql';
import { IdentityWithLifecycleModel } from './identity-data/identity-lifecycle.model';
import { IdentityLifecycleFieldsResolver } from './lifecycle/identity-lifecycle-fields.resolver';
import { LifecycleViewerPermissionsResolver } from './lifecycle/viewer-permissions.resolver';
import { IntegratorMutationsResolver } from './integrators/mutations/integrator-mutations.resolver';
import { IntegratorsResolver } from './integrators/integrators.resolver';
import { LifecycleResolver } from './lifecycle/lifecycle.resolver';
import { MassActionMutationsResolver } from './mass-actions/mutations/mass-action-mutations.resolver';
import { MassActionsResolver } from './mass-actions/mass-actions.resolver';
import { RotationPolicyMutationsResolver } from './policies/mutations/rotation-policy-mutations.resolver';
import { PoliciesResolver } from './policies/policies.resolver';
import { RequestProgressResolver } from './progress/request-progress.resolver';
import { RevocationRequestIdentityResolver, RotationRequestIdentityResolver } from './references/request-identity.resolver';
import { SuspensionExceptionResolver } from './references/suspension-exception.resolver';
import { RevocationPlanIdentitiesResolver } from './revocation/revocation-plan-identities.resolver';
import { BulkRevocationMutationsResolver } from './revocation/mutations/bulk-revocation-mutations.resolver';
import { BulkRevocationResolver } from './revocation/bulk-revocation.resolver';
import { FailedRevocationsResolver } from './revocation/failed-revocations.resolver';
import { RevocationRequestCreateResolver } from './revocation/mutations/revocation-request-create.resolver';
import { RevocationResolver } from './revocation/revocation.resolver';
import { RotationListsResolver } from './rotation/rotation-lists.resolver';
import { RotationResolver } from './rotation/rotation.resolver';
import { RotationRequestCreateResolver } from './rotation/mutations/rotation-request-create.resolver';

/** Everything this subgraph's schema is made of: the committed SDL is printed from it. */
export const LIFECYCLE_SCHEMA: SubgraphSchema = {
  orphanedTypes: [IdentityWithLifecycleModel],
  resolvers: [
    LifecycleResolver,
    IdentityLifecycleFieldsResolver,
    LifecycleViewerPermissionsResolver,
    PoliciesResolver,
    RotationPolicyMutationsResolver,
    RotationResolver,
    RotationRequestCreateResolver,
    RevocationResolver,
    RevocationRequestCreateResolver,
    RotationListsResolver,
    BulkRevocationResolver,
    BulkRevocationMutationsResolver,
    RevocationPlanIdentitiesResolver,
    FailedRevocationsResolver,
    IntegratorsResolver,
    IntegratorMutationsResolver,
    MassActionsResolver,
    MassActionMutationsResolver,
    RotationRequestIdentityResolver,
    RevocationRequestIdentityResolver,
    SuspensionExceptionResolver,
    RequestProgressResolver,
  ],
};
