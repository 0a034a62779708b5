import { Field, ID, InputType, registerEnumType } from '@nestjs/graphql';
import { orderInputType } from '@nhi/graphql';
import { Allow } from 'class-validator';

@InputType('RotationQueueFilter', {
  description:
    'Narrows dueRotations, overdueRotations and failedRotations; fields combine with AND, and an empty filter is the whole estate.',
})
export class RotationQueueFilterInput {
  @Field(() => String, { nullable: true, description: "Only identities of this business unit (the identity's businessUnit, exactly)." })
  @Allow()
  businessUnit?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: "Only identities whose accountable (PRIMARY) owner is this owner, as ownership's events said (not its sub-teams).",
  })
  @Allow()
  ownerId?: string | null;
}

export enum RotationQueueOrderField {
  DUE_AT = 'DUE_AT',
  PRIVILEGE_LEVEL = 'PRIVILEGE_LEVEL',
}

registerEnumType(RotationQueueOrderField, {
  name: 'RotationQueueOrderField',
  description: 'What dueRotations, overdueRotations and failedRotations sort by.',
  valuesMap: {
    DUE_AT: { description: 'When the rotation is or was due.' },
    PRIVILEGE_LEVEL: { description: 'The privilege level, LOW to ADMIN, an unknown one below LOW: DESC for the most privileged first.' },
  },
});

@InputType('RotationQueueOrder', {
  description: 'How a rotation queue sorts: by the field in the direction; identities with the same value go by id in the same direction.',
})
export class RotationQueueOrderInput extends orderInputType<RotationQueueOrderField>(RotationQueueOrderField) {}
