import { Module } from '@nestjs/common';
import { IngestModule } from '../ingest/ingest.module';
import { BulkActorResolver } from './bulk-actor';
import { BulkIngestController } from './bulk-ingest.controller';

/** An HTTP controller rather than a resolver: an upload streams more rows than one GraphQL request may carry. */
@Module({
  imports: [IngestModule],
  controllers: [BulkIngestController],
  providers: [BulkActorResolver],
})
export class BulkIngestModule {}
