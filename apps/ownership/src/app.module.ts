import { DynamicModule } from '@nestjs/common';
import { SubgraphConfig } from '@nhi/config';
import { subgraphModule } from '@nhi/runtime';
import { OWNERSHIP_SCHEMA } from './schema';
import { CreateOwnership1764201800000 } from './migrations/1764201800000-create-ownership';
import { OwnerEntity } from './owners/owner.entity';
import { IdentityOwnershipEntity } from './ownership/identity-ownership.entity';
import { OwnershipModule } from './ownership/ownership.module';

export const SERVICE = 'ownership';
export const DEFAULT_PORT = 4002;

export function ownershipModule(config: SubgraphConfig): DynamicModule {
  return subgraphModule({
    service: SERVICE,
    config,
    entities: [OwnerEntity, IdentityOwnershipEntity],
    migrations: [CreateOwnership1764201800000],
    schema: OWNERSHIP_SCHEMA,
    features: [OwnershipModule],
  });
}
