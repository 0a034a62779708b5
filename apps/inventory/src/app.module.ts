import { FindingQueueModule } from './findings/queue/finding-queue.module';
import { DynamicModule } from '@nestjs/common';
import { SubgraphConfig } from '@nhi/config';
import { openApiModule, subgraphModule, SubgraphTables } from '@nhi/runtime';
import openApiDocument from '../openapi.json';
import { BulkIngestModule } from './bulk/bulk-ingest.module';
import { SchemasModule } from './schemas/schemas.module';
import { ConsumersModule } from './consumers/consumers.module';
import { FindingEntity } from './findings/finding.entity';
import { FindingsModule } from './findings/findings.module';
import { LeakedFingerprintEntity } from './findings/leaked-fingerprint.entity';
import { IdentitiesModule } from './identities/identities.module';
import { IdentityEntity } from './identity-data/identity.entity';
import { SightingEntity } from './identity-data/sighting.entity';
import { IngestModule } from './ingest/ingest.module';
import { INVENTORY_CONFIG, loadInventoryConfig } from './inventory-config';
import { CreateIdentities1764201700000 } from './migrations/1764201700000-create-identities';
import { IngestModel1764300000000 } from './migrations/1764300000000-ingest-model';
import { RoomForSightings1764400000000 } from './migrations/1764400000000-room-for-sightings';
import { SourceKind1766200000000 } from './migrations/1766200000000-source-kind';
import { CredentialsAndPermissions1767000000000 } from './migrations/1767000000000-credentials-and-permissions';
import { FindingSubjectAndEvidence1767000000001 } from './migrations/1767000000001-finding-subject-and-evidence';
import { IdentityCountDeltas1767100000000 } from './migrations/1767100000000-identity-count-deltas';
import { OpenFindingsQueue1768000000000 } from './migrations/1768000000000-open-findings-queue';
import { INVENTORY_SCHEMA } from './schema';

export const SERVICE = 'inventory';
export const DEFAULT_PORT = 4001;

/** The inventory service's tables; `migrate.ts` applies the same migrations as a starting service. */
export const TABLES: SubgraphTables = {
  entities: [IdentityEntity, SightingEntity, FindingEntity, LeakedFingerprintEntity],
  migrations: [
    CreateIdentities1764201700000,
    IngestModel1764300000000,
    RoomForSightings1764400000000,
    SourceKind1766200000000,
    CredentialsAndPermissions1767000000000,
    FindingSubjectAndEvidence1767000000001,
    IdentityCountDeltas1767100000000,
    OpenFindingsQueue1768000000000,
  ],
};

export function inventoryModule(config: SubgraphConfig, environment: NodeJS.ProcessEnv): DynamicModule {
  return subgraphModule({
    service: SERVICE,
    config,
    ...TABLES,
    schema: INVENTORY_SCHEMA,
    features: [
      FindingsModule,
      IdentitiesModule,
      FindingQueueModule,
      IngestModule,
      BulkIngestModule,
      ConsumersModule,
      SchemasModule,
      openApiModule(openApiDocument),
    ],
    settings: [{ provide: INVENTORY_CONFIG, useValue: loadInventoryConfig(environment) }],
  });
}
