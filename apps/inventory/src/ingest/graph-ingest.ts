import { Inject, Injectable } from '@nestjs/common';
import { badInput } from '@nhi/graphql';
import { INVENTORY_CONFIG, InventoryConfig } from '../inventory-config';
import type { IngestIdentitiesInput } from './dto/ingest-identities.input';
import type { IngestReportModel } from './ingest-report.model';
import { IngestRequestError, IngestService } from './ingest.service';
import type { RawIdentityRow } from './raw-identity-row';
import { SnapshotRefusedError } from './snapshot-marker';

/**
 * An ingest that arrives through the graph (ingestIdentities and identitiesIngest): a bounded batch, and the
 * pipeline's whole-request refusals as BAD_USER_INPUT naming the input field, so the payload form can
 * return them as userErrors. Bad rows are not refusals: they are listed in the report and the rest imported.
 */
@Injectable()
export class GraphIngest {
  constructor(
    private readonly ingestion: IngestService,
    @Inject(INVENTORY_CONFIG) private readonly config: InventoryConfig,
  ) {}

  async run(input: IngestIdentitiesInput): Promise<IngestReportModel> {
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
