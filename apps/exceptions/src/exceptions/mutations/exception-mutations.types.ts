import { Allow } from 'class-validator';
import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { MutationInput, MutationPayload, withIdempotencyKey } from '@nhi/graphql';
import { BulkExceptionRequestInput, ExceptionRequestInput } from '../dto/exception-request.input';
import { ExceptionGroupModel } from '../exception-results.model';
import { PolicyExceptionModel } from '../policy-exception.model';

@InputType('ExceptionCreateInput', {
  description: 'Asks to suspend one control for one identity until expiresAt. Someone other than the requester must approve it.',
})
export class ExceptionCreateInput extends withIdempotencyKey(ExceptionRequestInput) {}

@InputType('ExceptionsCreateInput', {
  description: 'Asks for linked exceptions on every identity a selector matches; they are approved or rejected together.',
})
export class ExceptionsCreateInput extends withIdempotencyKey(BulkExceptionRequestInput) {}

@InputType('ExceptionApproveInput', { description: 'Approves a requested exception and the rest of its group.' })
export class ExceptionApproveInput extends MutationInput {
  @Field(() => ID, { description: 'The exception to approve (a REQUESTED one).' })
  @Allow()
  id!: string;

  @Field(() => String, { nullable: true, description: "The approver's note, kept with the decision and in the exception's history." })
  @Allow()
  note?: string | null;
}

@InputType('ExceptionRejectInput', { description: 'Rejects a requested exception and the rest of its group.' })
export class ExceptionRejectInput extends MutationInput {
  @Field(() => ID, { description: 'The exception to reject (a REQUESTED one).' })
  @Allow()
  id!: string;

  @Field({ description: 'Why it is rejected: required, at most 1,000 characters, shown to the requester and kept in the history.' })
  @Allow()
  reason!: string;
}

@InputType('ExceptionRevokeInput', { description: 'Withdraws a requested or approved exception before it expires.' })
export class ExceptionRevokeInput extends MutationInput {
  @Field(() => ID, { description: 'The exception to withdraw (REQUESTED or APPROVED).' })
  @Allow()
  id!: string;

  @Field({ description: 'Why it is withdrawn: required, at most 1,000 characters, kept in the history.' })
  @Allow()
  reason!: string;
}

@ObjectType('ExceptionPayload', {
  description: 'The outcome of exceptionCreate, exceptionApprove, exceptionReject and exceptionRevoke.',
})
export class ExceptionPayload extends MutationPayload {
  @Field(() => PolicyExceptionModel, { nullable: true, description: 'The exception as it is now. Null when refused.' })
  exception!: PolicyExceptionModel | null;
}

@ObjectType('ExceptionsCreatePayload', { description: 'The outcome of exceptionsCreate.' })
export class ExceptionsCreatePayload extends MutationPayload {
  @Field(() => ExceptionGroupModel, {
    nullable: true,
    description: 'The linked exceptions created, and the identities skipped with the reason. Null when refused.',
  })
  exceptionGroup!: ExceptionGroupModel | null;
}
