import { Allow } from 'class-validator';
import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { CreateMutationInput, MutationPayload } from '@nhi/graphql';
import { RevocationSelectorInput } from '../dto/revocation-selector.input';
import { BulkRevocationResultModel, RevocationPlanModel } from '../revocation-plan.model';

@InputType('RevocationPlanCreateInput', {
  description:
    'Plans a bulk revocation as planRevocation does and keeps the plan, so that a mass revocation can act on exactly the identities reviewed.',
})
export class RevocationPlanCreateInput extends CreateMutationInput {
  @Field(() => RevocationSelectorInput, {
    description: 'Which identities to plan for: the same selector planRevocation takes, so a portal can show the dry run first.',
  })
  @Allow()
  selector!: RevocationSelectorInput;
}

@InputType('BulkRevocationCreateInput', {
  description: 'Requests the revocation of every identity a selector matches (see planRevocation for a dry run).',
})
export class BulkRevocationCreateInput extends CreateMutationInput {
  @Field(() => RevocationSelectorInput, { description: 'Which identities to revoke: the same selector planRevocation takes.' })
  @Allow()
  selector!: RevocationSelectorInput;

  @Field({
    description:
      'Why they must be revoked (a retired system, a departed owner): required, at most 1,000 characters, kept with each request.',
  })
  @Allow()
  reason!: string;
}

@ObjectType('RevocationPlanCreatePayload', { description: 'The outcome of revocationPlanCreate.' })
export class RevocationPlanCreatePayload extends MutationPayload {
  @Field(() => RevocationPlanModel, {
    nullable: true,
    description: 'The saved plan, with its id for IdentitySelection.revocationPlanId (revocationRequestsCreate). Null when refused.',
  })
  revocationPlan!: RevocationPlanModel | null;
}

@ObjectType('BulkRevocationCreatePayload', { description: 'The outcome of bulkRevocationCreate.' })
export class BulkRevocationCreatePayload extends MutationPayload {
  @Field(() => BulkRevocationResultModel, {
    nullable: true,
    description: 'How many revocations were requested and how many matching identities were skipped. Null when refused.',
  })
  bulkRevocation!: BulkRevocationResultModel | null;
}
