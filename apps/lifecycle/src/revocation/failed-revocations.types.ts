import { Field, ID, InputType, ObjectType, registerEnumType } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import { orderInputType, PageInfoModel } from '@nhi/graphql';
import { RevocationRequestModel } from '../requests/credential-request.model';

@InputType('FailedRevocationsFilter', {
  description: 'Narrows the queue of failed revocations; fields combine with AND, and an empty filter is the whole estate.',
})
export class FailedRevocationsFilterInput {
  @Field(() => String, {
    nullable: true,
    description: "Only revocations of identities of this business unit (the identity's businessUnit, exactly).",
  })
  @Allow()
  businessUnit?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Only revocations of identities whose accountable (PRIMARY) owner is this owner, as ownership's events said.",
  })
  @Allow()
  ownerId?: string | null;
}

export enum FailedRevocationOrderField {
  FAILED_AT = 'FAILED_AT',
  REQUESTED_AT = 'REQUESTED_AT',
}

registerEnumType(FailedRevocationOrderField, {
  name: 'FailedRevocationOrderField',
  description: 'What failedRevocations sorts by.',
  valuesMap: {
    FAILED_AT: { description: 'When the latest attempt failed (completedAt).' },
    REQUESTED_AT: { description: 'When the revocation was asked for.' },
  },
});

@InputType('FailedRevocationOrder', {
  description: 'How failedRevocations sorts: by the field in the direction; requests with the same time go by id in the same direction.',
})
export class FailedRevocationOrderInput extends orderInputType<FailedRevocationOrderField>(FailedRevocationOrderField) {}

@ObjectType('RevocationRequestEdge', { description: 'One revocation request in a list and the cursor to continue after it.' })
export class RevocationRequestEdgeModel {
  @Field(() => RevocationRequestModel, { description: 'The revocation request.' })
  node!: RevocationRequestModel;

  @Field({ description: 'Pass as `after` to get the requests that follow this one.' })
  cursor!: string;
}

@ObjectType('RevocationRequestConnection', { description: 'A page of revocation requests, with the cursors to the next page.' })
export class RevocationRequestConnectionModel {
  @Field(() => [RevocationRequestEdgeModel], { description: 'The requests of this page.' })
  edges!: RevocationRequestEdgeModel[];

  @Field(() => PageInfoModel, { description: 'Whether more pages follow, and the cursors to fetch them.' })
  pageInfo!: PageInfoModel;

  /** Counts every request the list selects; run only when totalCount is asked for. */
  count!: () => Promise<number>;
}
