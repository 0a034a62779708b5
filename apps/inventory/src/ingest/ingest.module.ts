import { Module } from '@nestjs/common';
import { FindingsModule } from '../findings/findings.module';
import { ChunkWriter } from './chunk-writer';
import { IngestResolver } from './ingest.resolver';
import { IngestService } from './ingest.service';

/** Exports IngestService: NDJSON uploads go through the same pipeline as ingestIdentities. */
@Module({
  imports: [FindingsModule],
  providers: [ChunkWriter, IngestService, IngestResolver],
  exports: [IngestService],
})
export class IngestModule {}
