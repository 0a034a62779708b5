import { Field, InputType, Int } from '@nestjs/graphql';
import { Allow } from 'class-validator';

@InputType('RotationPolicyInput', {
  description: 'A policy by name: the most specific policy that selects an identity applies to it, ties going to priority.',
})
export class RotationPolicyInput {
  @Field({ description: '"default" updates the default policy (which selects everything).' })
  @Allow()
  name!: string;

  @Field(() => [String], {
    nullable: true,
    description:
      'Selects identities of these kinds (SERVICE_ACCOUNT, API_KEY, ..., OTHER), in any case; empty or absent selects every kind.',
  })
  @Allow()
  kind?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Selects identities in these environments (PRODUCTION, STAGING, DEVELOPMENT, TEST, UNKNOWN); empty or absent selects every one.',
  })
  @Allow()
  environment?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Selects identities at these privilege levels (LOW, MEDIUM, HIGH, ADMIN); empty or absent selects every level.',
  })
  @Allow()
  privilegeLevel?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description:
      'Selects identities at these providers (aws, github, ...), compared in lower case; empty or absent selects every provider.',
  })
  @Allow()
  provider?: string[] | null;

  @Field(() => [String], {
    nullable: true,
    description: 'Selects identities of these business units, as inventory names them; empty or absent selects every unit.',
  })
  @Allow()
  businessUnit?: string[] | null;

  @Field(() => Int, { description: 'The longest a credential may live, in days, before a rotation is due: a whole number of at least 1.' })
  @Allow()
  maxAgeDays!: number;

  @Field(() => Int, {
    defaultValue: 14,
    description: 'Days before the due date when a warning is raised: 0 or more, and less than maxAgeDays.',
  })
  @Allow()
  warnDays!: number;

  @Field(() => Boolean, { defaultValue: false, description: 'Whether a rotation is requested on its own when an identity falls due.' })
  @Allow()
  autoRotate!: boolean;

  @Field(() => Int, { defaultValue: 60, description: 'Minutes an integrator has to answer each rotation request: at least 1.' })
  @Allow()
  deadlineMinutes!: number;

  @Field(() => Int, {
    defaultValue: 3,
    description: 'How many attempts a rotation gets before the identity is ROTATION_FAILED: at least 1.',
  })
  @Allow()
  maxAttempts!: number;

  @Field(() => Int, { defaultValue: 0, description: 'Breaks a tie between equally specific policies: higher wins.' })
  @Allow()
  priority!: number;
}
