import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { RequestStatus } from './request-status';

@ObjectType({ isAbstract: true })
abstract class CredentialRequestModel {
  @Field(() => ID)
  id!: string;

  @Field(() => ID)
  identityId!: string;

  @Field(() => RequestStatus)
  status!: RequestStatus;

  @Field(() => Int)
  attempt!: number;

  @Field()
  reason!: string;

  @Field()
  requestedAt!: Date;

  @Field()
  deadline!: Date;

  @Field(() => Date, { nullable: true })
  completedAt!: Date | null;

  @Field(() => String, { nullable: true })
  error!: string | null;

  @Field(() => Date, { nullable: true, description: 'When the next attempt is due after a failure or time-out.' })
  nextAttemptAt!: Date | null;
}

@ObjectType('RotationRequest')
export class RotationRequestModel extends CredentialRequestModel {}

@ObjectType('RevocationRequest')
export class RevocationRequestModel extends CredentialRequestModel {
  @Field()
  force!: boolean;
}
