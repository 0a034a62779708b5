import { Field, ID, InputType } from '@nestjs/graphql';
import { Allow } from 'class-validator';

@InputType('CampaignInput', {
  description: 'Owned identities in scope (all of them when no scope is given) must be attested before the deadline.',
})
export class CampaignInput {
  @Field({ description: 'What owners see the campaign as, e.g. "Q4 review"; required.' })
  @Allow()
  name!: string;

  @Field(() => String, { nullable: true, description: 'Only the identities of this business unit (case-insensitive).' })
  @Allow()
  businessUnit?: string | null;

  @Field(() => String, { nullable: true, description: 'An identity kind, e.g. API_KEY.' })
  @Allow()
  kind?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only the identities of this owner.' })
  @Allow()
  ownerId?: string | null;

  @Field(() => Date, { description: 'When the campaign closes; must be in the future. Identities left undecided then are escalated.' })
  @Allow()
  deadline!: Date;
}
