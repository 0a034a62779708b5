import { Field, ID, ObjectType } from '@nestjs/graphql';
import { ExceptionControl, ExceptionStatus } from './exception-enums';

@ObjectType('PolicyException', { description: 'A recorded, approved and time-bounded suspension of one control for one identity.' })
export class PolicyExceptionModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  identityId!: string;

  @Field(() => ExceptionControl)
  control!: ExceptionControl;

  @Field()
  justification!: string;

  @Field(() => [String])
  compensatingControls!: string[];

  @Field(() => String, { nullable: true })
  riskRating!: string | null;

  @Field(() => ExceptionStatus)
  status!: ExceptionStatus;

  @Field()
  requestedBy!: string;

  @Field()
  requestedAt!: Date;

  @Field(() => String, { nullable: true })
  decidedBy!: string | null;

  @Field(() => Date, { nullable: true })
  decidedAt!: Date | null;

  @Field()
  expiresAt!: Date;
}
