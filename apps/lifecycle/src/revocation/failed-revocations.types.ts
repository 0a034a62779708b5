import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import { PageInfoModel } from '@nhi/graphql';
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
