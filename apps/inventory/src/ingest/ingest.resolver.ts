import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { SecurityAdminOnly } from '@nhi/auth';
import { Inject } from '@nestjs/common';
import { badInput } from '@nhi/graphql';
import { ChecksOwnSecrets } from '@nhi/runtime';
import { INVENTORY_CONFIG, InventoryConfig } from '../inventory-config';
import { IngestIdentitiesInput } from './dto/ingest-identities.input';
import { IngestReportModel } from './ingest-report.model';
import { IngestRequestError, IngestService } from './ingest.service';
import type { RawIdentityRow } from './raw-identity-row';
import { SnapshotRefusedError } from './snapshot-marker';

@SecurityAdminOnly('ingest identities through the graph (connectors use the bulk ingest endpoint)')
@Resolver(() => IngestReportModel)
export class IngestResolver {
  constructor(
    private readonly ingestion: IngestService,
    @Inject(INVENTORY_CONFIG) private readonly config: InventoryConfig,
  ) {}

  @Mutation(() => IngestReportModel, {
    description: 'Reports identities seen by one source. Each row is checked on its own: bad rows are listed, the rest are imported.',
  })
  // A row with a secret is listed among the rejected rows and the rest are imported (row-normaliser.ts), not the whole call refused.
  @ChecksOwnSecrets()
  async ingestIdentities(@Args('input') input: IngestIdentitiesInput): Promise<IngestReportModel> {
    if (input.identities.length > this.config.INGEST_MAX_GRAPHQL_ROWS) {
      throw badInput(
        `identities has ${input.identities.length} rows; one call takes at most ${this.config.INGEST_MAX_GRAPHQL_ROWS}. ` +
          'Split the batch, or stream NDJSON to POST /ingest/{source} on the inventory service.',
        'identities',
      );
    }
    try {
      return await this.ingestion.ingest(input, input.identities as RawIdentityRow[]);
    } catch (error) {
      if (error instanceof SnapshotRefusedError) throw badInput(error.message, 'force');
      if (error instanceof IngestRequestError) throw badInput(error.message, 'source');
      throw error;
    }
  }
}
