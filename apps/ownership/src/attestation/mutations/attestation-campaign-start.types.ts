import { Field, InputType, ObjectType } from '@nestjs/graphql';
import { MutationPayload, withIdempotencyKey } from '@nhi/graphql';
import { AttestationCampaignModel } from '../attestation-campaign.model';
import { CampaignInput } from '../dto/campaign.input';

@InputType('AttestationCampaignStartInput', {
  description: 'Starts a campaign: owned identities in scope (all of them when no scope is given) must be attested before the deadline.',
})
export class AttestationCampaignStartInput extends withIdempotencyKey(CampaignInput) {}

@ObjectType('AttestationCampaignStartPayload', { description: 'The outcome of attestationCampaignStart.' })
export class AttestationCampaignStartPayload extends MutationPayload {
  @Field(() => AttestationCampaignModel, {
    nullable: true,
    description: 'The campaign started (or, for a repeated idempotencyKey, the one the first call started). Null when refused.',
  })
  attestationCampaign!: AttestationCampaignModel | null;
}
