import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { OwnerModel } from '../owner-data/owner.model';
import { RuleMode } from './rule-mode';

@ObjectType('RuleTag', { description: 'A tag an identity must carry, with this value, for the rule to match.' })
export class RuleTagModel {
  @Field({ description: 'The tag key, compared without case.' })
  key!: string;

  @Field({ description: 'The value the tag must have.' })
  value!: string;
}

@ObjectType('OwnershipRule', { description: 'Who should own identities that match its criteria, and whether it assigns or only suggests.' })
export class OwnershipRuleModel {
  @Field(() => ID, { description: "The rule's id." })
  id!: string;

  @Field({ description: 'What the rule is for, shown in the reasons of what it assigns or suggests.' })
  name!: string;

  @Field(() => OwnerModel, { nullable: true, description: 'The owner it assigns or suggests.' })
  owner?: OwnerModel | null;

  @Field(() => RuleMode, { description: 'Whether it assigns the owner or only suggests it.' })
  mode!: RuleMode;

  @Field(() => String, { nullable: true, description: 'Criterion: the provider the identity must come from, without case; null for any.' })
  provider!: string | null;

  @Field(() => String, { nullable: true, description: 'Criterion: the system the identity must belong to, without case; null for any.' })
  system!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Criterion: the business unit the identity must belong to, without case; null for any.',
  })
  businessUnit!: string | null;

  @Field(() => [RuleTagModel], { description: 'Criterion: tags the identity must carry, with these values; empty for none.' })
  tags!: RuleTagModel[];

  @Field(() => String, {
    nullable: true,
    description: 'Criterion: a glob on the identity name (* any run of characters, ? one), without case; null for any.',
  })
  namePattern!: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Criterion: the provider account (AWS account id, GCP project, Azure subscription, or an account tag); null for any.',
  })
  account!: string | null;

  @Field(() => Float, { description: 'Confidence of its suggestions, above 0 and at most 1.' })
  confidence!: number;

  @Field({ description: 'False once deleted (deleteOwnershipRule): it no longer runs; what it assigned stays assigned.' })
  enabled!: boolean;

  @Field({ description: 'Who created it (the subject of their token).' })
  createdBy!: string;

  @Field(() => Date, { description: 'When it was created.' })
  createdAt!: Date;

  ownerId!: string;
}
