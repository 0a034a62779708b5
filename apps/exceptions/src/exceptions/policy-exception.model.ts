import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { ExceptionAction, ExceptionControl, ExceptionStatus, RiskRating } from './exception-enums';

@ObjectType('ExceptionHistoryEntry', { description: 'One thing that happened to an exception; the history is append-only.' })
export class ExceptionHistoryEntryModel {
  @Field(() => ExceptionAction, { description: 'What happened.' })
  action!: ExceptionAction;

  @Field(() => ExceptionStatus, { description: 'The status after this entry.' })
  status!: ExceptionStatus;

  @Field({ description: 'Who acted; "exceptions" for what the service did on its own (expiry, reminders).' })
  actor!: string;

  @Field(() => String, {
    nullable: true,
    description:
      "What the actor said (an approval's note, a rejection's or revocation's reason) or the service wrote (expiry, days left); null when nothing was.",
  })
  note!: string | null;

  @Field({ description: 'When it happened.' })
  at!: Date;
}

@ObjectType('PolicyException', { description: 'A recorded, approved and time-bounded suspension of one control for one identity.' })
@Directive('@key(fields: "id")')
export class PolicyExceptionModel {
  @Field(() => ID, { description: "The exception's id." })
  id!: string;

  @Field(() => ID, { description: 'The id of the identity it is about; `identity` gives the identity itself.' })
  identityId!: string;

  @Field(() => ExceptionControl, { description: 'The control it suspends.' })
  control!: ExceptionControl;

  @Field({ description: 'Why the control cannot be met and what risk is accepted, as the requester wrote it (trimmed).' })
  justification!: string;

  @Field(() => [String], { description: 'What reduces the risk meanwhile, as the requester listed it; empty when none was given.' })
  compensatingControls!: string[];

  @Field(() => RiskRating, { nullable: true, description: 'The risk accepted, as the requester rated it; null when none was given.' })
  riskRating!: RiskRating | null;

  @Field(() => ExceptionStatus, { description: 'Where it stands now.' })
  status!: ExceptionStatus;

  @Field({ description: 'The subject of whoever requested it.' })
  requestedBy!: string;

  @Field({ description: 'When it was requested.' })
  requestedAt!: Date;

  @Field(() => String, {
    nullable: true,
    description:
      'The subject of the security-admin who approved or rejected it; null while undecided (expiry and revocation do not set it).',
  })
  decidedBy!: string | null;

  @Field(() => Date, { nullable: true, description: 'When it was approved or rejected; null while undecided.' })
  decidedAt!: Date | null;

  @Field(() => String, { nullable: true, description: "The approver's or rejecter's note." })
  decisionNote!: string | null;

  @Field({ description: 'When it ends: an open one becomes EXPIRED within a tick of this time (EXCEPTIONS_TICK_MS, 1 s by default).' })
  expiresAt!: Date;

  @Field(() => ID, { nullable: true, description: 'Shared by exceptions requested together; approving or rejecting one decides them all.' })
  groupId!: string | null;

  @Field(() => ID, { nullable: true, description: 'The exception this one renews.' })
  renewsId!: string | null;
}
