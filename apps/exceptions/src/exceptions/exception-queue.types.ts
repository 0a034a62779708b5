import { Field, ID, InputType, Int } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import { ExceptionControl } from './exception-enums';

@InputType('ExceptionQueueFilter', {
  description: 'Narrows a queue of exceptions; fields combine with AND, and an empty filter is every one.',
})
export class ExceptionQueueFilterInput {
  @Field(() => String, { nullable: true, description: "Only exceptions on identities of this business unit (the identity's, exactly)." })
  @Allow()
  businessUnit?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only exceptions on identities whose accountable owner is this one (not its sub-teams).',
  })
  @Allow()
  ownerId?: string | null;

  @Field(() => [ExceptionControl], {
    nullable: true,
    description: 'Only exceptions that suspend one of these controls; null or empty for all.',
  })
  @Allow()
  control?: ExceptionControl[] | null;
}

@InputType('ApprovedExceptionFilter', { description: 'Narrows the approved exceptions; fields combine with AND.' })
export class ApprovedExceptionFilterInput extends ExceptionQueueFilterInput {
  @Field(() => Int, {
    nullable: true,
    description: 'Only those expiring at most this many days from now: a whole number from 0 to 366; every approved one when null.',
  })
  @Allow()
  expiresWithinDays?: number | null;
}
