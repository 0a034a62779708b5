import { Module } from '@nestjs/common';
import { CredentialAgeSweep } from './credential-age-sweep';
import { FindingsService } from './findings.service';

/** Exports FindingsService: ingest, decommissioning and rotations each re-check findings inside their own transaction. */
@Module({
  providers: [FindingsService, CredentialAgeSweep],
  exports: [FindingsService],
})
export class FindingsModule {}
