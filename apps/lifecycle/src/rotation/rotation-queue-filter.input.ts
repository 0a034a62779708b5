import { Field, ID, InputType } from '@nestjs/graphql';
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
