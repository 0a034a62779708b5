import { Field, Float, ID, InputType } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import { RuleMode } from '../rule-mode';

@InputType('RuleTagInput', { description: 'A tag an identity must carry for the rule to match.' })
export class RuleTagInput {
  @Field({ description: 'The tag key, compared without case.' })
  @Allow()
  key!: string;

  @Field({ description: 'The value the tag must have.' })
  @Allow()
  value!: string;
}

@InputType('OwnershipRuleInput', { description: 'Who should own identities that match; every criterion given must hold (at least one).' })
export class OwnershipRuleInput {
  @Field({ description: 'What the rule is for, shown in the reasons of what it assigns or suggests: required.' })
  @Allow()
  name!: string;

  @Field(() => ID, { description: 'The owner it assigns or suggests: an active one.' })
  @Allow()
  ownerId!: string;

  @Field(() => RuleMode, { defaultValue: 'AUTO_ASSIGN', description: 'Whether it assigns the owner or only suggests it.' })
  @Allow()
  mode!: RuleMode;

  @Field(() => String, { nullable: true, description: 'The provider the identity must come from (aws, gcp, azure, ...), without case.' })
  @Allow()
  provider?: string | null;

  @Field(() => String, { nullable: true, description: 'The system the identity must belong to.' })
  @Allow()
  system?: string | null;

  @Field(() => String, { nullable: true, description: 'The business unit the identity must belong to.' })
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
