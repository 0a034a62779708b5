import { DynamicModule } from '@nestjs/common';
import { SubgraphConfig } from '@nhi/config';
import { subgraphModule } from '@nhi/runtime';
import { LIFECYCLE_SCHEMA } from './schema';
import { IdentityLifecycleEntity } from './lifecycle/identity-lifecycle.entity';
import { LifecycleModule } from './lifecycle/lifecycle.module';
import { CreateLifecycle1764201900000 } from './migrations/1764201900000-create-lifecycle';
import { RotationPolicyEntity } from './policies/rotation-policy.entity';
import { RevocationRequestEntity } from './requests/revocation-request.entity';
import { RotationRequestEntity } from './requests/rotation-request.entity';

export const SERVICE = 'lifecycle';
export const DEFAULT_PORT = 4003;

export function lifecycleModule(config: SubgraphConfig): DynamicModule {
  return subgraphModule({
    service: SERVICE,
    config,
    entities: [RotationPolicyEntity, IdentityLifecycleEntity, RotationRequestEntity, RevocationRequestEntity],
    migrations: [CreateLifecycle1764201900000],
    schema: LIFECYCLE_SCHEMA,
    features: [LifecycleModule],
  });
}
