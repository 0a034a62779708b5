import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { OwnerModel } from '../owner-data/owner.model';
import { RuleMode } from './rule-mode';

@ObjectType('RuleTag')
export class RuleTagModel {
  @Field()
  key!: string;

  @Field()
  value!: string;
}

@ObjectType('OwnershipRule', { description: 'Who should own identities that match its criteria, and whether it assigns or only suggests.' })
export class OwnershipRuleModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field(() => OwnerModel, { nullable: true })
  owner?: OwnerModel | null;

  @Field(() => RuleMode)
  mode!: RuleMode;

  @Field(() => String, { nullable: true })
  provider!: string | null;

  @Field(() => String, { nullable: true })
  system!: string | null;

  @Field(() => String, { nullable: true })
  businessUnit!: string | null;

  @Field(() => [RuleTagModel])
  tags!: RuleTagModel[];

  @Field(() => String, { nullable: true })
  namePattern!: string | null;

  @Field(() => String, { nullable: true })
  account!: string | null;

  @Field(() => Float)
  confidence!: number;

  @Field()
  enabled!: boolean;

  @Field()
  createdBy!: string;

  @Field(() => Date)
  createdAt!: Date;

  ownerId!: string;
}
