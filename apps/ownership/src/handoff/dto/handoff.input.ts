import { Field, ID, InputType } from '@nestjs/graphql';
import { Allow } from 'class-validator';

@InputType('HandoffInput', {
  description: 'Moves the identities of an owner, of a system, or of an owner within a system, to another owner once that owner accepts.',
})
export class HandoffInput {
  @Field(() => ID, { nullable: true, description: 'Identities this owner is PRIMARY for.' })
  @Allow()
  fromOwnerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Identities of this system.' })
  @Allow()
  system?: string | null;

  @Field(() => ID, { description: 'Who receives them.' })
  @Allow()
  toOwnerId!: string;

  @Field({ description: 'Why these identities move; required, shown to the receiver and kept in their ownership history.' })
  @Allow()
  reason!: string;
}
