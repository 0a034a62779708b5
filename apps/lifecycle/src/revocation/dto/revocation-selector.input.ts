import { Field, ID, InputType } from '@nestjs/graphql';
import { Allow } from 'class-validator';

@InputType('RevocationSelector', {
  description: 'Which identities a bulk revocation touches; every criterion given must hold (at least one).',
})
export class RevocationSelectorInput {
  @Field(() => ID, { nullable: true, description: 'Identities this owner is the PRIMARY owner of.' })
  @Allow()
  ownerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Identities of this system (case-insensitive).' })
  @Allow()
  system?: string | null;

  @Field(() => String, { nullable: true, description: 'Identities at this provider (aws, github, ...), case-insensitive.' })
  @Allow()
  provider?: string | null;
}
