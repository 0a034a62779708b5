import { Field, ID, Int, ObjectType } from '@nestjs/graphql';
import { RequestStatus } from './request-status';

@ObjectType({ isAbstract: true })
abstract class CredentialRequestModel {
  @Field(() => ID, { description: "The request's id: one attempt; a retry is a new request with its own id." })
  id!: string;

  @Field(() => ID, { description: 'The identity it is for.' })
  identityId!: string;

  @Field(() => RequestStatus, { description: 'Where the attempt is.' })
  status!: RequestStatus;

  @Field(() => Int, { description: "Which attempt this is, from 1; retries count up to the policy's maxAttempts." })
  attempt!: number;

  @Field({ description: "Why it was asked for; a retry keeps the first attempt's reason." })
  reason!: string;

  @Field({ description: 'When the attempt was sent.' })
  requestedAt!: Date;

  @Field({ description: "When it times out without a result: requestedAt plus the policy's deadlineMinutes." })
  deadline!: Date;

  @Field(() => Date, { nullable: true, description: 'When it ended (completed, failed or timed out); null while REQUESTED.' })
  completedAt!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why it FAILED, as the integrator said, or that it TIMED_OUT at the deadline; null otherwise.',
  })
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
  @Field(() => ID, { description: "The credential's platform id." })
  id!: string;

  @Field({ description: 'ACCESS_KEY, CLIENT_SECRET, SERVICE_ACCOUNT_KEY, TOKEN, SSH_KEY, PASSWORD or PRIVATE_KEY.' })
  type!: string;

  @Field({ description: "The provider's id for the credential (an access key id, a key's name); never the secret." })
  externalId!: string;
}

@ObjectType('CredentialReplacement', { description: 'Which credential a rotation replaced with which, as the integrator said.' })
export class CredentialReplacementModel {
  @Field({ description: "The provider's id for the credential that was replaced." })
  previousExternalId!: string;

  @Field({ description: "The provider's id for the new credential." })
  externalId!: string;

  @Field(() => String, { nullable: true, description: 'A hash of the new credential, when the integrator sent one; never the secret.' })
  fingerprint?: string | null;

  @Field(() => String, { nullable: true, description: 'RFC 3339.' })
  expiresAt?: string | null;
}

@ObjectType('RotationRequest', { description: "One attempt to rotate an identity's credential through its integrator." })
export class RotationRequestModel extends CredentialRequestModel {
  @Field(() => [RotationTargetModel], { description: 'The credentials it targets; empty when the identity is the credential.' })
  targetCredentials!: RotationTargetModel[];

  @Field(() => [CredentialReplacementModel], {
    nullable: true,
    description: 'Which credential replaced which; null until the integrator says.',
  })
  replaced?: CredentialReplacementModel[] | null;
}

@ObjectType('RevocationRequest', { description: "One attempt to revoke an identity's credential through its integrator." })
export class RevocationRequestModel extends CredentialRequestModel {
  @Field({ description: 'Revoke even what is in use; only a security-admin may ask for it.' })
  force!: boolean;
}
