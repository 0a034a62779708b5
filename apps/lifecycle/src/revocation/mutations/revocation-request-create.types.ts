import { Allow } from 'class-validator';
import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { CreateMutationInput, MutationPayload } from '@nhi/graphql';
import { RevocationRequestModel } from '../../requests/credential-request.model';

@InputType('RevocationRequestCreateInput', { description: "Asks for the revocation of one identity's credential." })
export class RevocationRequestCreateInput extends CreateMutationInput {
  @Field(() => ID, { description: 'The identity whose credential is to be revoked.' })
  @Allow()
  identityId!: string;

  @Field({
    description:
      'Why it must be revoked (a leak, a retired service): required, at most 1,000 characters, kept with the request and in the audit log.',
  })
  @Allow()
  reason!: string;

  @Field(() => Boolean, {
    defaultValue: false,
    description: 'Revoke even a credential in use. Needs the security-admin role (FORBIDDEN on ["force"] otherwise).',
  })
  @Allow()
  force!: boolean;
}

@ObjectType('RevocationRequestCreatePayload', { description: 'The outcome of revocationRequestCreate.' })
export class RevocationRequestCreatePayload extends MutationPayload {
  @Field(() => RevocationRequestModel, {
    nullable: true,
    description:
      'The revocation: the new request, or the one already in progress for this identity (a retry, or a second person asking, joins it; a forced ask makes it forced for its retries, since the attempt under way was sent without force). Null when refused.',
  })
  revocationRequest!: RevocationRequestModel | null;
}
