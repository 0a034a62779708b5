import { Field, ID, InputType } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import { ExceptionControl, RiskRating } from '../exception-enums';

/** The terms of a risk acceptance, shared by a request for one identity and one for a selection. */
@InputType('ExceptionTermsInput', { isAbstract: true })
export class ExceptionTermsInput {
  @Field(() => ExceptionControl, {
    description: 'The control to suspend; one open exception per identity and control (a renewal aside).',
  })
  @Allow()
  control!: ExceptionControl;

  @Field({ description: 'Why the control cannot be met, and what risk is accepted. Required.' })
  @Allow()
  justification!: string;

  @Field(() => [String], { nullable: true, description: 'What reduces the risk meanwhile (network restriction, monitoring, ...).' })
  @Allow()
  compensatingControls?: string[] | null;

  @Field(() => RiskRating, { nullable: true, description: 'The risk accepted, as the requester rates it. Optional.' })
  @Allow()
  riskRating?: RiskRating | null;

  @Field({ description: 'In the future and within the maximum for the control (EXCEPTION_MAX_DAYS; 90 days for ROTATION by default).' })
  @Allow()
  expiresAt!: Date;
}

@InputType('ExceptionRequestInput', { description: 'Asks to suspend one control for one identity until expiresAt.' })
export class ExceptionRequestInput extends ExceptionTermsInput {
  @Field(() => ID, {
    description: 'The identity the exception is for; it must be known to exceptions (from inventory) and, for an owner, be theirs.',
  })
  @Allow()
  identityId!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Makes this request a renewal of that exception (same identity and control, APPROVED or EXPIRED).',
  })
  @Allow()
  renewsId?: string | null;
}

@InputType('ExceptionSelectorInput', { description: 'Identities by system, by PRIMARY owner, or by id; given criteria must all match.' })
export class ExceptionSelectorInput {
  @Field(() => String, { nullable: true, description: "Identities of this system (the identity's system, exactly)." })
  @Allow()
  system?: string | null;

  @Field(() => ID, { nullable: true, description: 'Identities whose PRIMARY owner is this owner.' })
  @Allow()
  ownerId?: string | null;

  @Field(() => [ID], {
    nullable: true,
    description: 'These identities, at most 5,000; ids not known to exceptions or not matching the other criteria are listed in skipped.',
  })
  @Allow()
  identityIds?: string[] | null;
}

@InputType('BulkExceptionRequestInput', {
  description: 'One request for a selection of identities: linked exceptions, approved together, each expiring on its own.',
})
export class BulkExceptionRequestInput extends ExceptionTermsInput {
  @Field(() => ExceptionSelectorInput, {
    description: 'Which identities: at least one criterion; it must match at least one and at most 5,000 identities.',
  })
  @Allow()
  selector!: ExceptionSelectorInput;
}
