import { Field, ObjectType } from '@nestjs/graphql';
import type { PrivilegeLevel } from '@nhi/contracts';
import { IdentityPrivilegeLevel } from '@nhi/graphql';

@ObjectType('PrivilegeReason', {
  description: 'A rule of the privilege model (docs/privilege-model.md) and what in the data made it fire.',
})
export class PrivilegeReasonModel {
  @Field({ description: 'The rule, e.g. aws.privilege-escalation or k8s.cluster-admin.' })
  rule!: string;

  @Field({ description: 'The permission and where it comes from, e.g. "iam:CreateAccessKey allowed on * via inline policy ci".' })
  evidence!: string;
}

@ObjectType('Privilege', { description: 'How much the identity can do, and why: the rules that set the level.' })
export class PrivilegeModel {
  /** Not exposed: lets the reasons be loaded when the row was read without them. */
  identityId!: string;

  @Field(() => IdentityPrivilegeLevel, { description: 'The level the rules set.' })
  level!: PrivilegeLevel;

  /** Undefined until loaded (PrivilegeResolver). */
  reasons?: PrivilegeReasonModel[];
}
