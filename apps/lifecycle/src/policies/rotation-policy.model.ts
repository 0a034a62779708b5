import { Field, ID, Int, ObjectType } from '@nestjs/graphql';

@ObjectType('RotationPolicy', { description: 'The maximum credential age for the identities it selects.' })
export class RotationPolicyModel {
  @Field(() => ID, { description: "The policy's id." })
  id!: string;

  @Field({ description: "The policy's name." })
  name!: string;

  @Field({ description: 'The policy that applies when no other matches.' })
  isDefault!: boolean;

  @Field(() => Int, {
    description: 'Days a credential may live: rotation falls due this long after the last rotation (else its creation, else registration).',
  })
  maxAgeDays!: number;

  @Field(() => Int, { description: 'Days before the due date when a warning is raised.' })
  warnDays!: number;

  @Field({ description: 'Request a rotation automatically when one falls due (unless an approved ROTATION exception holds it back).' })
  autoRotate!: boolean;

  @Field(() => Int, { description: 'Minutes an integrator has to answer a request.' })
  deadlineMinutes!: number;

  @Field(() => Int, {
    description: 'Attempts per rotation or revocation, the first included; failures and time-outs are retried with backoff.',
  })
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
