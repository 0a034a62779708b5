import { Field, ID, InputType } from '@nestjs/graphql';
import { Allow } from 'class-validator';

@InputType('CampaignInput', {
  description: 'Owned identities in scope (all of them when no scope is given) must be attested before the deadline.',
})
export class CampaignInput {
  @Field()
  @Allow()
  name!: string;

  @Field(() => String, { nullable: true })
  @Allow()
  businessUnit?: string | null;

  @Field(() => String, { nullable: true, description: 'An identity kind, e.g. API_KEY.' })
  @Allow()
  kind?: string | null;

  @Field(() => ID, { nullable: true, description: 'Only the identities of this owner.' })
  @Allow()
  ownerId?: string | null;

  @Field(() => Date)
  @Allow()
  deadline!: Date;
}
