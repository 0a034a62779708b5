import { Field, InputType } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import { IdentityInput } from './identity.input';

@InputType('IngestIdentitiesInput')
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

  // Rows are checked one by one by the ingest pipeline, not here, so one bad row never fails the batch.
  @Field(() => [IdentityInput])
  @Allow()
  identities!: IdentityInput[];
}
