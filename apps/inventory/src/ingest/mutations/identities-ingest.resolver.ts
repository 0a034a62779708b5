import { Args, Mutation, Resolver } from '@nestjs/graphql';
import { SecurityAdminOnly } from '@nhi/auth';
import { mutationPayload } from '@nhi/graphql';
import { ChecksOwnSecrets } from '@nhi/runtime';
import { GraphIngest } from '../graph-ingest';
import { IdentitiesIngestInput, IdentitiesIngestPayload } from './identities-ingest.types';

/** The payload form of the graph ingest (issue 22): a batch refused as a whole comes back as userErrors. */
@SecurityAdminOnly('ingest identities through the graph (connectors use the bulk ingest endpoint)')
@Resolver()
export class IdentitiesIngestResolver {
  constructor(private readonly graphIngest: GraphIngest) {}

  @Mutation(() => IdentitiesIngestPayload, {
    nullable: true,
    description:
      'Reports identities seen by one source. Each row is checked on its own: bad rows are listed in the report, the rest are imported. ' +
      'An upsert by natural key, so it takes no idempotencyKey: sending the same batch again changes nothing. A batch refused as a whole ' +
      '(too many rows, a bad source name, a full snapshot that looks broken) comes back as a userError on identities, source or force.',
  })
  // Like ingestIdentities: a row with a secret is listed among the rejected rows, not the whole call refused.
  @ChecksOwnSecrets()
  identitiesIngest(
    @Args('input', { description: 'The source, its rows, and how to take them (full snapshot, dry run, force).' })
    input: IdentitiesIngestInput,
  ): Promise<IdentitiesIngestPayload> {
    return mutationPayload(input, async () => ({ ingestReport: await this.graphIngest.run(input) })) as Promise<IdentitiesIngestPayload>;
  }
}
