import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { ExceptionAction, ExceptionControl, ExceptionStatus, RiskRating } from './exception-enums';

@ObjectType('ExceptionHistoryEntry', { description: 'One thing that happened to an exception; the history is append-only.' })
export class ExceptionHistoryEntryModel {
  @Field(() => ExceptionAction)
  action!: ExceptionAction;

  @Field(() => ExceptionStatus, { description: 'The status after this entry.' })
  status!: ExceptionStatus;

  @Field({ description: 'Who acted; "exceptions" for what the service did on its own (expiry, reminders).' })
  actor!: string;

  @Field(() => String, { nullable: true })
  note!: string | null;

  @Field()
  at!: Date;
}

@ObjectType('PolicyException', { description: 'A recorded, approved and time-bounded suspension of one control for one identity.' })
@Directive('@key(fields: "id")')
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

  @Field(() => RiskRating, { nullable: true })
  riskRating!: RiskRating | null;

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

  @Field(() => String, { nullable: true, description: "The approver's or rejecter's note." })
  decisionNote!: string | null;

  @Field()
  expiresAt!: Date;

  @Field(() => ID, { nullable: true, description: 'Shared by exceptions requested together; approving or rejecting one decides them all.' })
  groupId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The exception this one renews.' })
  renewsId!: string | null;
}
