import { Module } from '@nestjs/common';
import { FindingsModule } from '../findings/findings.module';
import { ChunkWriter } from './chunk-writer';
import { GraphIngest } from './graph-ingest';
import { IngestResolver } from './ingest.resolver';
import { IngestService } from './ingest.service';
import { IdentitiesIngestResolver } from './mutations/identities-ingest.resolver';

/** Exports IngestService: NDJSON uploads go through the same pipeline as ingestIdentities. */
@Module({
  imports: [FindingsModule],
  providers: [ChunkWriter, IngestService, GraphIngest, IngestResolver, IdentitiesIngestResolver],
  exports: [IngestService],
})
export class IngestModule {}
