import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { MutationPayload, withClientMutationId } from '@nhi/graphql';
import { IngestIdentitiesInput } from '../dto/ingest-identities.input';
import { IngestReportModel } from '../ingest-report.model';

@InputType('IdentitiesIngestInput', {
  description: 'Identities seen by one source, in its own words; each row is checked on its own.',
})
export class IdentitiesIngestInput extends withClientMutationId(IngestIdentitiesInput) {}

@ObjectType('IdentitiesIngestPayload', { description: 'The outcome of identitiesIngest.' })
export class IdentitiesIngestPayload extends MutationPayload {
  @Field(() => IngestReportModel, {
    nullable: true,
    description:
      'What the batch did, row by row: counts, the rows rejected with the field at fault, and warnings. Rejected rows are not userErrors. Null when the whole batch was refused.',
  })
  ingestReport!: IngestReportModel | null;
}
