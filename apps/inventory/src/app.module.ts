import { DynamicModule } from '@nestjs/common';
import { SubgraphConfig } from '@nhi/config';
import { subgraphModule } from '@nhi/runtime';
import { INVENTORY_SCHEMA } from './schema';
import { FindingEntity } from './findings/finding.entity';
import { LeakedFingerprintEntity } from './findings/leaked-fingerprint.entity';
import { IdentitiesModule } from './identities/identities.module';
import { INVENTORY_CONFIG, loadInventoryConfig } from './inventory-config';
import { IngestModel1764300000000 } from './migrations/1764300000000-ingest-model';
import { IdentityEntity } from './identities/identity.entity';
import { SightingEntity } from './identities/sighting.entity';
import { CreateIdentities1764201700000 } from './migrations/1764201700000-create-identities';
import { RoomForSightings1764400000000 } from './migrations/1764400000000-room-for-sightings';

export const SERVICE = 'inventory';
export const DEFAULT_PORT = 4001;

export function inventoryModule(config: SubgraphConfig, environment: NodeJS.ProcessEnv): DynamicModule {
  const inventoryConfig = loadInventoryConfig(environment);
  const root = subgraphModule({
    service: SERVICE,
    config,
    entities: [IdentityEntity, SightingEntity, FindingEntity, LeakedFingerprintEntity],
    migrations: [CreateIdentities1764201700000, IngestModel1764300000000, RoomForSightings1764400000000],
    schema: INVENTORY_SCHEMA,
    features: [IdentitiesModule],
  });
  // Global like the rest of the root module, so feature providers can inject it.
  return {
    ...root,
    providers: [...(root.providers ?? []), { provide: INVENTORY_CONFIG, useValue: inventoryConfig }],
    exports: [...(root.exports ?? []), INVENTORY_CONFIG],
  };
}
