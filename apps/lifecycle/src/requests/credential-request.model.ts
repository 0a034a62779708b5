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

  @Field(() => Date, {
    nullable: true,
    description:
      'When the platform acted on nextAttemptAt: it started the next attempt, a new request with its own id, ' +
      'unless another attempt of the identity was already in progress. Null until then.',
  })
  retriedAt!: Date | null;
}

@ObjectType('RotationTarget', { description: 'A credential a rotation targets: the platform id and the provider id, never the secret.' })
export class RotationTargetModel {
  @Field(() => ID)
  id!: string;

  @Field({ description: 'ACCESS_KEY, CLIENT_SECRET, SERVICE_ACCOUNT_KEY, TOKEN, SSH_KEY, PASSWORD or PRIVATE_KEY.' })
  type!: string;

  @Field()
  externalId!: string;
}

@ObjectType('CredentialReplacement', { description: 'Which credential a rotation replaced with which, as the integrator said.' })
export class CredentialReplacementModel {
  @Field()
  previousExternalId!: string;

  @Field()
  externalId!: string;

  @Field(() => String, { nullable: true })
  fingerprint?: string | null;

  @Field(() => String, { nullable: true, description: 'RFC 3339.' })
  expiresAt?: string | null;
}

@ObjectType('RotationRequest')
export class RotationRequestModel extends CredentialRequestModel {
  @Field(() => [RotationTargetModel], { description: 'The credentials it targets; empty when the identity is the credential.' })
  targetCredentials!: RotationTargetModel[];

  @Field(() => [CredentialReplacementModel], {
    nullable: true,
    description: 'Which credential replaced which; null until the integrator says.',
  })
  replaced?: CredentialReplacementModel[] | null;
}

@ObjectType('RevocationRequest')
export class RevocationRequestModel extends CredentialRequestModel {
  @Field()
  force!: boolean;
}
