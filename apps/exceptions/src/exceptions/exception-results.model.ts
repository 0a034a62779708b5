import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoModel, ListSize } from '@nhi/graphql';
import { ExceptionControl, ExceptionStatus } from './exception-enums';
import { MAX_SELECTION } from './exception-requests.service';
import { PolicyExceptionModel } from './policy-exception.model';

@ObjectType('PolicyExceptionEdge', { description: 'One exception of a page, with its cursor.' })
export class PolicyExceptionEdgeModel {
  @Field(() => PolicyExceptionModel, { description: 'The exception.' })
  node!: PolicyExceptionModel;

  @Field({ description: 'An opaque cursor: pass it as `after` to read the exceptions that follow this one.' })
  cursor!: string;
}

@ObjectType('PolicyExceptionConnection', { description: 'A page of exceptions.' })
export class PolicyExceptionConnectionModel {
  @Field(() => [PolicyExceptionEdgeModel], { description: 'The exceptions of the page, in the order of the query.' })
  edges!: PolicyExceptionEdgeModel[];

  @Field(() => PageInfoModel, { description: 'Whether more exceptions follow, and the cursor to read them.' })
  pageInfo!: PageInfoModel;

  /** Counts every exception the query selects; run only when totalCount is asked for. */
  count!: () => Promise<number>;
}

@ObjectType('ExceptionCount', { description: 'How many exceptions of one control are in one status.' })
export class ExceptionCountModel {
  @Field(() => ExceptionControl, { description: 'The control suspended.' })
  control!: ExceptionControl;

  @Field(() => ExceptionStatus, { description: 'The status counted.' })
  status!: ExceptionStatus;

  @Field(() => Int, { description: 'Exceptions of the control in the status (never 0: pairs without any are left out).' })
  count!: number;
}

@ObjectType('ExceptionStats', { description: 'How many exceptions there are, by control and status.' })
export class ExceptionStatsModel {
  @Field(() => Int, { description: 'Every exception, whatever its status.' })
  total!: number;

  @Field(() => [ExceptionCountModel], { description: 'One entry per control and status that has any, by control, then status.' })
  counts!: ExceptionCountModel[];
}

@ObjectType('SkippedIdentity', { description: 'An identity of a selection that got no exception, and why.' })
export class SkippedIdentityModel {
  @Field(() => ID, { description: 'The identity skipped, as the selection named or matched it.' })
  identityId!: string;

  @Field({
    description: 'Why it got no exception, in words: not owned by the requester, not known to exceptions, or an exception already open.',
  })
  reason!: string;
}

@ObjectType('ExceptionGroup', { description: 'What a request for a selection created: linked exceptions, decided together.' })
export class ExceptionGroupModel {
  @Field(() => ID, { nullable: true, description: 'Null when no exception was created.' })
  groupId!: string | null;

  @ListSize(MAX_SELECTION)
  @Field(() => [PolicyExceptionModel], {
    description: 'The exceptions created, one per identity (REQUESTED, sharing groupId); at most 5,000.',
  })
  exceptions!: PolicyExceptionModel[];

  @ListSize(MAX_SELECTION)
  @Field(() => [SkippedIdentityModel], { description: 'The identities of the selection that got none, each with the reason.' })
  skipped!: SkippedIdentityModel[];
}
