import { Field, InputType, Int } from '@nestjs/graphql';
import { Allow } from 'class-validator';

@InputType('RotationPolicyInput', {
  description: 'A policy by name: the most specific policy that selects an identity applies to it, ties going to priority.',
})
export class RotationPolicyInput {
  @Field({ description: '"default" updates the default policy (which selects everything).' })
  @Allow()
  name!: string;

  @Field(() => [String], { nullable: true })
  @Allow()
  kind?: string[] | null;

  @Field(() => [String], { nullable: true })
  @Allow()
  environment?: string[] | null;

  @Field(() => [String], { nullable: true })
  @Allow()
  privilegeLevel?: string[] | null;

  @Field(() => [String], { nullable: true })
  @Allow()
  provider?: string[] | null;

  @Field(() => [String], { nullable: true })
  @Allow()
  businessUnit?: string[] | null;

  @Field(() => Int)
  @Allow()
  maxAgeDays!: number;

  @Field(() => Int, { defaultValue: 14 })
  @Allow()
  warnDays!: number;

  @Field(() => Boolean, { defaultValue: false })
  @Allow()
  autoRotate!: boolean;

  @Field(() => Int, { defaultValue: 60 })
  @Allow()
  deadlineMinutes!: number;

  @Field(() => Int, { defaultValue: 3 })
  @Allow()
  maxAttempts!: number;

  @Field(() => Int, { defaultValue: 0 })
  @Allow()
  priority!: number;
}
