import { DynamicModule } from '@nestjs/common';
import { SubgraphConfig } from '@nhi/config';
import { subgraphModule, SubgraphTables } from '@nhi/runtime';
import { LIFECYCLE_SCHEMA } from './schema';
import { IdentityLifecycleEntity } from './identity-data/identity-lifecycle.entity';
import { LifecycleModule } from './lifecycle.module';
import { CreateLifecycle1764201900000 } from './migrations/1764201900000-create-lifecycle';
import { RotationHandshake1765000000000 } from './migrations/1765000000000-rotation-handshake';
import { PolicySelectors1765100000000 } from './migrations/1765100000000-policy-selectors';
import { OneRevocationAtATime1765200000000 } from './migrations/1765200000000-one-revocation-at-a-time';
import { DueAndExpiry1765300000000 } from './migrations/1765300000000-due-and-expiry';
import { RevocationSelectors1765400000000 } from './migrations/1765400000000-revocation-selectors';
import { ControlSuspensions1765600000000 } from './migrations/1765600000000-control-suspensions';
import { OwnerPath1765700000000 } from './migrations/1765700000000-owner-path';
import { RotationCredentials1767100000000 } from './migrations/1767100000000-rotation-credentials';
import { Integrators1766800000000 } from './migrations/1766800000000-integrators';
import { MassActionEntity } from './requests/mass-action.entity';
import { MassActions1767200000000 } from './migrations/1767200000000-mass-actions';
import { RevocationPlans1767300000000 } from './migrations/1767300000000-revocation-plans';
import { FailedRevocationsQueue1768100000000 } from './migrations/1768100000000-failed-revocations-queue';
import { IntegratorEntity } from './integrators/integrator.entity';
import { ControlSuspensionEntity } from './suspensions/control-suspension.entity';
import { LIFECYCLE_CONFIG, loadLifecycleConfig } from './lifecycle-config';
import { RotationPolicyEntity } from './policies/rotation-policy.entity';
import { RevocationRequestEntity } from './requests/revocation-request.entity';
import { RotationRequestEntity } from './requests/rotation-request.entity';
import { IdempotencyKeys1767950000000 } from '@nhi/persistence';
import { LifecycleMetricsModule } from './metrics/lifecycle-metrics.module';

export const SERVICE = 'lifecycle';
export const DEFAULT_PORT = 4003;

/** The lifecycle service's tables; `migrate.ts` applies the same migrations as a starting service. */
export const TABLES: SubgraphTables = {
  entities: [
    RotationPolicyEntity,
    IdentityLifecycleEntity,
    RotationRequestEntity,
    RevocationRequestEntity,
    ControlSuspensionEntity,
    IntegratorEntity,
    MassActionEntity,
  ],
  migrations: [
    CreateLifecycle1764201900000,
    RotationHandshake1765000000000,
    PolicySelectors1765100000000,
    OneRevocationAtATime1765200000000,
    DueAndExpiry1765300000000,
    RevocationSelectors1765400000000,
    ControlSuspensions1765600000000,
    OwnerPath1765700000000,
    Integrators1766800000000,
    RotationCredentials1767100000000,
    MassActions1767200000000,
    RevocationPlans1767300000000,
    IdempotencyKeys1767950000000,
    FailedRevocationsQueue1768100000000,
  ],
};

export function lifecycleModule(config: SubgraphConfig, environment: NodeJS.ProcessEnv): DynamicModule {
  return subgraphModule({
    service: SERVICE,
    config,
    ...TABLES,
    schema: LIFECYCLE_SCHEMA,
    features: [LifecycleModule, LifecycleMetricsModule],
    settings: [{ provide: LIFECYCLE_CONFIG, useValue: loadLifecycleConfig(environment) }],
  });
}
