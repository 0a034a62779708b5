import { Field, ID, InputType, Int, registerEnumType } from '@nestjs/graphql';
import { orderInputType } from '@nhi/graphql';
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

export enum ExceptionOrderField {
  REQUESTED_AT = 'REQUESTED_AT',
  EXPIRES_AT = 'EXPIRES_AT',
}

registerEnumType(ExceptionOrderField, {
  name: 'ExceptionOrderField',
  description: 'What an exception queue sorts by.',
  valuesMap: {
    REQUESTED_AT: { description: 'When the exception was requested.' },
    EXPIRES_AT: { description: 'When the exception lapses (the end of the requested term).' },
  },
});

@InputType('ExceptionOrder', {
  description: 'How an exception queue sorts: by the field in the direction; exceptions with the same time go by id in the same direction.',
})
export class ExceptionOrderInput extends orderInputType<ExceptionOrderField>(ExceptionOrderField) {}
