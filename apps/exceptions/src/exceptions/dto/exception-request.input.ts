import { Field, ID, InputType } from '@nestjs/graphql';
import { Allow } from 'class-validator';
import { ExceptionControl, RiskRating } from '../exception-enums';

/** The terms of a risk acceptance, shared by a request for one identity and one for a selection. */
@InputType('ExceptionTermsInput', { isAbstract: true })
export class ExceptionTermsInput {
  @Field(() => ExceptionControl)
  @Allow()
  control!: ExceptionControl;

  @Field({ description: 'Why the control cannot be met, and what risk is accepted. Required.' })
  @Allow()
  justification!: string;

  @Field(() => [String], { nullable: true, description: 'What reduces the risk meanwhile (network restriction, monitoring, ...).' })
  @Allow()
  compensatingControls?: string[] | null;

  @Field(() => RiskRating, { nullable: true })
  @Allow()
  riskRating?: RiskRating | null;

  @Field({ description: 'In the future and within the maximum for the control (EXCEPTION_MAX_DAYS; 90 days for ROTATION by default).' })
  @Allow()
  expiresAt!: Date;
}

@InputType('ExceptionRequestInput', { description: 'Asks to suspend one control for one identity until expiresAt.' })
export class ExceptionRequestInput extends ExceptionTermsInput {
  @Field(() => ID)
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
  @Field(() => String, { nullable: true })
  @Allow()
  system?: string | null;

  @Field(() => ID, { nullable: true })
  @Allow()
  ownerId?: string | null;

  @Field(() => [ID], { nullable: true })
  @Allow()
  identityIds?: string[] | null;
}

@InputType('BulkExceptionRequestInput', {
  description: 'One request for a selection of identities: linked exceptions, approved together, each expiring on its own.',
})
export class BulkExceptionRequestInput extends ExceptionTermsInput {
  @Field(() => ExceptionSelectorInput)
  @Allow()
  selector!: ExceptionSelectorInput;
}
