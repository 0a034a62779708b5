import { Field, InputType } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import { IdentityInput } from './identity.input';

@InputType('IngestIdentitiesInput', { description: 'A batch of identities one discovery source reports.' })
export class IngestIdentitiesInput {
  @Field({ description: 'The discovery source, e.g. aws-config, vault, gitguardian.' })
  @Allow()
  source!: string;

  @Field({ defaultValue: false, description: 'This is everything the source knows: identities it no longer reports are marked missing.' })
  @Allow()
  fullSnapshot!: boolean;

  @Field({ defaultValue: false, description: 'Check and report, write nothing.' })
  @Allow()
  dryRun!: boolean;

  @Field({
    defaultValue: false,
    description:
      'Take a full snapshot even when it has no valid rows or would mark more than SNAPSHOT_MAX_STALE_SHARE of the source STALE.',
  })
  @Allow()
  force!: boolean;

  // Rows are checked one by one by the ingest pipeline, not here, so one bad row never fails the batch.
  @Field(() => [IdentityInput], {
    description:
      'The rows, at most INGEST_MAX_GRAPHQL_ROWS; larger loads stream NDJSON to POST /ingest/{source}. A bad row is reported, not refused.',
  })
  @Allow()
  identities!: IdentityInput[];
}
