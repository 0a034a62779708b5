import { Module } from '@nestjs/common';
import { BulkActorResolver } from '../bulk/bulk-actor';
import { BulkIngestController } from '../bulk/bulk-ingest.controller';
import { LifecycleEventsHandler } from '../consumers/lifecycle-events.handler';
import { OwnershipEventsHandler } from '../consumers/ownership-events.handler';
import { CredentialAgeSweep } from '../findings/credential-age-sweep';
import { FindingsService } from '../findings/findings.service';
import { ChunkWriter } from '../ingest/chunk-writer';
import { IngestResolver } from '../ingest/ingest.resolver';
import { IngestService } from '../ingest/ingest.service';
import { IdentitiesResolver } from './identities.resolver';
import { IdentitiesService } from './identities.service';
import { IdentityConnectionResolver } from './identity-connection.resolver';

@Module({
  controllers: [BulkIngestController],
  providers: [
    BulkActorResolver,
    IdentitiesService,
    IdentitiesResolver,
    IdentityConnectionResolver,
    FindingsService,
    CredentialAgeSweep,
    ChunkWriter,
    IngestService,
    IngestResolver,
    OwnershipEventsHandler,
    LifecycleEventsHandler,
  ],
})
export class IdentitiesModule {}
