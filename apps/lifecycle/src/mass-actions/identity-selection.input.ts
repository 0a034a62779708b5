import { Field, ID, InputType } from '@nestjs/graphql';
import { Allow } from 'class-validator';

@InputType('IdentitySelection', {
  description:
    'Which identities a mass action touches: every criterion given must hold, and at least one must be given (a mass action never selects everything).',
})
export class IdentitySelectionInput {
  @Field(() => [ID], { nullable: true, description: 'These identities (up to 100,000).' })
  @Allow()
  identityIds?: string[] | null;

  @Field(() => String, { nullable: true, description: 'Identities of this system (case-insensitive).' })
  @Allow()
  system?: string | null;

  @Field(() => ID, { nullable: true, description: 'Identities this owner is the PRIMARY owner of.' })
  @Allow()
  ownerId?: string | null;

  @Field(() => String, { nullable: true, description: 'Identities at this provider (aws, github, ...).' })
  @Allow()
  provider?: string | null;

  @Field(() => String, { nullable: true, description: 'Identities an ingest source has reported (the {source} of POST /ingest/{source}).' })
  @Allow()
  source?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Identities with an open finding of this OWASP NHI Top 10 category (NHI1 to NHI10).',
  })
  @Allow()
  findingCategory?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'Every identity whose credential has this fingerprint (sha256:...): all that share a leaked credential.',
  })
  @Allow()
  credentialFingerprint?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The identities of a saved revocation plan (saveRevocationPlan): exactly the list that was reviewed.',
  })
  @Allow()
  revocationPlanId?: string | null;
}
