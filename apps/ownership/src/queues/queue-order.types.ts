import { InputType, registerEnumType } from '@nestjs/graphql';
import { orderInputType } from '@nhi/graphql';

export enum SuggestionOrderField {
  CREATED_AT = 'CREATED_AT',
  CONFIDENCE = 'CONFIDENCE',
}

registerEnumType(SuggestionOrderField, {
  name: 'OwnershipSuggestionOrderField',
  description: 'What the queue of open ownership suggestions sorts by.',
  valuesMap: {
    CREATED_AT: { description: 'When the suggestion was made.' },
    CONFIDENCE: { description: 'How sure the rule that made it is, 0 to 1: DESC puts the likeliest owners first.' },
  },
});

export enum CampaignOrderField {
  DEADLINE = 'DEADLINE',
  STARTED_AT = 'STARTED_AT',
}

registerEnumType(CampaignOrderField, {
  name: 'AttestationCampaignOrderField',
  description: 'What attestationCampaigns sorts by.',
  valuesMap: {
    DEADLINE: { description: 'When attestations are due.' },
    STARTED_AT: { description: 'When the campaign was started: DESC for the latest campaigns first.' },
  },
});

export enum HandoffOrderField {
  REQUESTED_AT = 'REQUESTED_AT',
}

registerEnumType(HandoffOrderField, {
  name: 'HandoffOrderField',
  description: 'What openHandoffs sorts by.',
  valuesMap: { REQUESTED_AT: { description: 'When the handoff was requested.' } },
});

const TIES = 'ties go by id in the same direction';

@InputType('OwnershipSuggestionOrder', { description: `How openOwnershipSuggestions sorts: by the field in the direction; ${TIES}.` })
export class SuggestionOrderInput extends orderInputType<SuggestionOrderField>(SuggestionOrderField) {}

@InputType('AttestationCampaignOrder', { description: `How attestationCampaigns sorts: by the field in the direction; ${TIES}.` })
export class CampaignOrderInput extends orderInputType<CampaignOrderField>(CampaignOrderField) {}

@InputType('HandoffOrder', { description: `How openHandoffs sorts: by the field in the direction; ${TIES}.` })
export class HandoffOrderInput extends orderInputType<HandoffOrderField>(HandoffOrderField, HandoffOrderField.REQUESTED_AT) {}
