import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('RotationPolicy', { description: 'The maximum credential age for the identities it selects.' })
export class RotationPolicyModel {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;

  @Field({ description: 'The policy that applies when no other matches.' })
  isDefault!: boolean;

  @Field(() => Int)
  maxAgeDays!: number;

  @Field(() => Int, { description: 'Days before the due date when a warning is raised.' })
  warnDays!: number;

  @Field()
  autoRotate!: boolean;

  @Field(() => Int, { description: 'Minutes an integrator has to answer a request.' })
  deadlineMinutes!: number;

  @Field(() => Int)
  maxAttempts!: number;

  @Field(() => Int, { description: 'Breaks a tie between equally specific policies: higher wins.' })
  priority!: number;

  @Field(() => [String], { description: 'Kinds it selects; empty: any.' })
  kinds!: string[];

  @Field(() => [String], { description: 'Environments it selects; empty: any.' })
  environments!: string[];

  @Field(() => [String], { description: 'Privilege levels it selects; empty: any.' })
  privilegeLevels!: string[];

  @Field(() => [String], { description: 'Providers it selects; empty: any.' })
  providers!: string[];

  @Field(() => [String], { description: 'Business units it selects; empty: any.' })
  businessUnits!: string[];
}
