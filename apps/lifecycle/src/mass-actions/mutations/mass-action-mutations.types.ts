import { Allow } from 'class-validator';
import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { CreateMutationInput, MutationPayload } from '@nhi/graphql';
import { IdentitySelectionInput } from '../identity-selection.input';
import { MassActionModel } from '../mass-action.model';

/** What both mass actions take: a selection and a reason. */
@InputType({ isAbstract: true })
abstract class MassActionCreateInput extends CreateMutationInput {
  @Field(() => IdentitySelectionInput, {
    description: 'Which identities: every criterion given must hold, and at least one must be given (up to 100,000 identities).',
  })
  @Allow()
  selection!: IdentitySelectionInput;

  @Field({ description: 'Why (an incident, a leak): required, at most 1,000 characters, kept with the mass action and each request.' })
  @Allow()
  reason!: string;
}

@InputType('RotationRequestsCreateInput', { description: 'Asks for the rotation of every identity a selection matches.' })
export class RotationRequestsCreateInput extends MassActionCreateInput {}

@InputType('RevocationRequestsCreateInput', { description: 'Asks for the revocation of every identity a selection matches.' })
export class RevocationRequestsCreateInput extends MassActionCreateInput {}

@ObjectType('MassActionCreatePayload', { description: 'The outcome of rotationRequestsCreate and revocationRequestsCreate.' })
export class MassActionCreatePayload extends MutationPayload {
  @Field(() => MassActionModel, {
    nullable: true,
    description: 'The mass action, with what it selected, held and skipped; follow it with massAction(id). Null when refused.',
  })
  massAction!: MassActionModel | null;
}
