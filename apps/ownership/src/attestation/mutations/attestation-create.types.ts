import { Allow } from 'class-validator';
import { Field, ID, InputType, ObjectType } from '@nestjs/graphql';
import { MutationInput, MutationPayload } from '@nhi/graphql';
import { IdentityOwnershipModel } from '../../identity-data/identity.model';
import { AttestationCampaignModel } from '../attestation-campaign.model';
import { AttestationDecision } from '../attestation-enums';

@InputType('AttestationCreateInput', { description: "An owner's decision about one identity in an open campaign; one per identity." })
export class AttestationCreateInput extends MutationInput {
  @Field(() => ID, { description: 'The identity decided about; it must be in the campaign.' })
  @Allow()
  identityId!: string;

  @Field(() => ID, { description: 'The campaign, still open (before its deadline).' })
  @Allow()
  campaignId!: string;

  @Field(() => AttestationDecision, { description: 'KEEP, NOT_MINE (hands it back, with a suggestion) or DECOMMISSION.' })
  @Allow()
  decision!: AttestationDecision;

  @Field(() => String, { nullable: true, description: 'Why, in a few words; kept with the decision and in its event.' })
  @Allow()
  note?: string | null;
}

@ObjectType('AttestationCreatePayload', { description: 'The outcome of attestationCreate.' })
export class AttestationCreatePayload extends MutationPayload {
  @Field(() => IdentityOwnershipModel, {
    nullable: true,
    description: 'The identity as it is after the decision (lastAttestation set, or UNASSIGNED after NOT_MINE). Null when refused.',
  })
  identity!: IdentityOwnershipModel | null;

  @Field(() => AttestationCampaignModel, {
    nullable: true,
    description: 'The campaign, with its progress counting this decision. Null when refused.',
  })
  attestationCampaign!: AttestationCampaignModel | null;
}
