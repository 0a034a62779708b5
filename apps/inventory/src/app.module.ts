import { DynamicModule } from '@nestjs/common';
import { SubgraphConfig } from '@nhi/config';
import { subgraphModule } from '@nhi/runtime';
import { INVENTORY_SCHEMA } from './schema';
import { IdentitiesModule } from './identities/identities.module';
import { IdentityEntity } from './identities/identity.entity';
import { SightingEntity } from './identities/sighting.entity';
import { CreateIdentities1764201700000 } from './migrations/1764201700000-create-identities';

export const SERVICE = 'inventory';
export const DEFAULT_PORT = 4001;

export function inventoryModule(config: SubgraphConfig): DynamicModule {
  return subgraphModule({
    service: SERVICE,
    config,
    entities: [IdentityEntity, SightingEntity],
    migrations: [CreateIdentities1764201700000],
    schema: INVENTORY_SCHEMA,
    features: [IdentitiesModule],
  });
}
