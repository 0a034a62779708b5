import { Directive, Field, ID, ObjectType } from '@nestjs/graphql';
import { LifecycleState } from './lifecycle-state';

@ObjectType('IdentityLifecycle', { description: 'Rotation and revocation state of one identity.' })
export class IdentityLifecycleModel {
  /** Not exposed: lets the nested fields find their identity. */
  identityId!: string;
  policyId!: string | null;

  @Field(() => LifecycleState)
  state!: LifecycleState;

  @Field(() => Date, { nullable: true })
  lastRotatedAt!: Date | null;

  @Field(() => Date, { nullable: true })
  nextRotationDueAt!: Date | null;
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
