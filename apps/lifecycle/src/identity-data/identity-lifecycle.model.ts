import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { LifecycleState } from '@nhi/graphql';

@ObjectType('IdentityLifecycle', { description: 'Rotation and revocation state of one identity.' })
export class IdentityLifecycleModel {
  /** Not exposed: lets the nested fields find their identity. */
  identityId!: string;
  policyId!: string | null;
  /** Not exposed: who is accountable, for the viewerCan* fields (owner reference, then its teams). */
  ownerPath!: string[];

  @Field(() => LifecycleState, { description: 'Where the credential is in its rotation and revocation life.' })
  state!: LifecycleState;

  @Field(() => Date, {
    nullable: true,
    description: 'When its last rotation through the platform happened, as the integrator reported; null if none has.',
  })
  lastRotatedAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description:
      "When rotation falls due: the last rotation (else the credential's creation, else registration) plus the policy's maxAgeDays. " +
      'Null once revoked.',
  })
  nextRotationDueAt!: Date | null;

  @Field(() => Date, {
    nullable: true,
    description: 'Since when an automatic rotation that fell due is held back by an approved ROTATION exception.',
  })
  rotationHeldSince!: Date | null;

  @Field(() => String, {
    nullable: true,
    description: 'Why a revocation was asked for while an approved REVOCATION exception holds it back.',
  })
  revocationHeldReason!: string | null;
}

@ObjectType('ControlSuspension', { description: 'An approved exception that suspends automatic rotation or revocation until it expires.' })
export class ControlSuspensionModel {
  @Field(() => ID, { description: 'The approved exception that suspends the control.' })
  exceptionId!: string;

  @Field({ description: 'The control it suspends: ROTATION or REVOCATION.' })
  control!: string;

  @Field({ description: 'When the exception, and with it the suspension, expires.' })
  expiresAt!: Date;
}

/** Lifecycle's part of NonHumanIdentity. */
@ObjectType('NonHumanIdentity')
@Directive('@key(fields: "id")')
export class IdentityWithLifecycleModel {
  @Field(() => ID)
  id!: string;

  @Field(() => IdentityLifecycleModel, { nullable: true, description: 'Null until lifecycle has learnt of the identity.' })
  lifecycle?: IdentityLifecycleModel | null;
}
