import { Module } from '@nestjs/common';
import { FindingsService } from '../findings/findings.service';
import { ChunkWriter } from '../ingest/chunk-writer';
import { IngestResolver } from '../ingest/ingest.resolver';
import { IngestService } from '../ingest/ingest.service';
import { IdentitiesResolver } from './identities.resolver';
import { IdentitiesService } from './identities.service';
import { IdentityConnectionResolver } from './identity-connection.resolver';

@Module({
  providers: [
    IdentitiesService,
    IdentitiesResolver,
    IdentityConnectionResolver,
    FindingsService,
    ChunkWriter,
    IngestService,
    IngestResolver,
  ],
})
export class IdentitiesModule {}
