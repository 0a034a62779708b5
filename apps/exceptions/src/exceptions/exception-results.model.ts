import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoModel, ListSize } from '@nhi/graphql';
import { ExceptionControl, ExceptionStatus } from './exception-enums';
import { MAX_SELECTION } from './exception-requests.service';
import { PolicyExceptionModel } from './policy-exception.model';

@ObjectType('PolicyExceptionEdge')
export class PolicyExceptionEdgeModel {
  @Field(() => PolicyExceptionModel)
  node!: PolicyExceptionModel;

  @Field()
  cursor!: string;
}

@ObjectType('PolicyExceptionConnection')
export class PolicyExceptionConnectionModel {
  @Field(() => [PolicyExceptionEdgeModel])
  edges!: PolicyExceptionEdgeModel[];

  @Field(() => PageInfoModel)
  pageInfo!: PageInfoModel;
}

@ObjectType('ExceptionCount')
export class ExceptionCountModel {
  @Field(() => ExceptionControl)
  control!: ExceptionControl;

  @Field(() => ExceptionStatus)
  status!: ExceptionStatus;

  @Field(() => Int)
  count!: number;
}

@ObjectType('ExceptionStats', { description: 'How many exceptions there are, by control and status.' })
export class ExceptionStatsModel {
  @Field(() => Int)
  total!: number;

  @Field(() => [ExceptionCountModel], { description: 'One entry per control and status that has any.' })
  counts!: ExceptionCountModel[];
}

@ObjectType('SkippedIdentity', { description: 'An identity of a selection that got no exception, and why.' })
export class SkippedIdentityModel {
  @Field(() => ID)
  identityId!: string;

  @Field()
  reason!: string;
}

@ObjectType('ExceptionGroup', { description: 'What a request for a selection created: linked exceptions, decided together.' })
export class ExceptionGroupModel {
  @Field(() => ID, { nullable: true, description: 'Null when no exception was created.' })
  groupId!: string | null;

  @ListSize(MAX_SELECTION)
  @Field(() => [PolicyExceptionModel])
  exceptions!: PolicyExceptionModel[];

  @ListSize(MAX_SELECTION)
  @Field(() => [SkippedIdentityModel])
  skipped!: SkippedIdentityModel[];
}
