import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import { RuleMode } from '../rule-mode';

@InputType('RuleTagInput')
export class RuleTagInput {
  @Field()
  @Allow()
  key!: string;

  @Field()
  @Allow()
  value!: string;
}

@InputType('OwnershipRuleInput', { description: 'Who should own identities that match; every criterion given must hold (at least one).' })
export class OwnershipRuleInput {
  @Field()
  @Allow()
  name!: string;

  @Field(() => ID)
  @Allow()
  ownerId!: string;

  @Field(() => RuleMode, { defaultValue: 'AUTO_ASSIGN' })
  @Allow()
  mode!: RuleMode;

  @Field(() => String, { nullable: true })
  @Allow()
  provider?: string | null;

  @Field(() => String, { nullable: true })
  @Allow()
  system?: string | null;

  @Field(() => String, { nullable: true })
  @Allow()
  businessUnit?: string | null;

  @Field(() => [RuleTagInput], { nullable: true, description: 'Tags the identity must carry, with these values.' })
  @Allow()
  tags?: RuleTagInput[] | null;

  @Field(() => String, { nullable: true, description: 'A glob on the identity name: * any run of characters, ? one.' })
  @Allow()
  namePattern?: string | null;

  @Field(() => String, { nullable: true, description: 'The provider account: AWS account id, GCP project, Azure subscription.' })
  @Allow()
  account?: string | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Confidence of its suggestions, 0 to 1; by default, higher the more criteria it has.',
  })
  @Allow()
  confidence?: number | null;
}
