import { Allow } from 'class-validator';
import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { CreateMutationInput, MutationPayload } from '@nhi/graphql';
import { RotationRequestModel } from '../../requests/credential-request.model';

@InputType('RotationRequestCreateInput', { description: "Asks for a rotation of one identity's credentials now." })
export class RotationRequestCreateInput extends CreateMutationInput {
  @Field(() => ID, { description: 'The identity whose long-lived credentials are to be rotated.' })
  @Allow()
  identityId!: string;

  @Field({
    description:
      'Why it must be rotated now (a leak, a departure, an audit finding): required, at most 1,000 characters, kept with the request and in the audit log.',
  })
  @Allow()
  reason!: string;
}

@ObjectType('RotationRequestCreatePayload', { description: 'The outcome of rotationRequestCreate.' })
export class RotationRequestCreatePayload extends MutationPayload {
  @Field(() => RotationRequestModel, {
    nullable: true,
    description:
      'The rotation: the new request, or the one already in progress for this identity (a retry, or a second person asking, joins it). Null when refused.',
  })
  rotationRequest!: RotationRequestModel | null;
}
