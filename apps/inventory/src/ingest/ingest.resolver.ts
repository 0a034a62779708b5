import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { SecurityAdminOnly } from '@nhi/auth';
import { ChecksOwnSecrets } from '@nhi/runtime';
import { IngestIdentitiesInput } from './dto/ingest-identities.input';
import { GraphIngest } from './graph-ingest';
import { IngestReportModel } from './ingest-report.model';

@SecurityAdminOnly('ingest identities through the graph (connectors use the bulk ingest endpoint)')
@Resolver(() => IngestReportModel)
export class IngestResolver {
  constructor(private readonly graphIngest: GraphIngest) {}

  @Mutation(() => IngestReportModel, {
    description: 'Reports identities seen by one source. Each row is checked on its own: bad rows are listed, the rest are imported.',
    deprecationReason: 'Use identitiesIngest(input:).',
  })
  // A row with a secret is listed among the rejected rows and the rest are imported (row-normaliser.ts), not the whole call refused.
  @ChecksOwnSecrets()
  ingestIdentities(
    @Args('input', { description: 'The source, the rows and how to take them.' }) input: IngestIdentitiesInput,
  ): Promise<IngestReportModel> {
    return this.graphIngest.run(input);
  }
}
