import { registerEnumType } from '@nestjs/graphql';
import type { AttestationDecision as Decision } from '@nhi/contracts';
import type { CampaignStatus as Status } from './attestation-campaign.entity';

export type AttestationDecision = Decision;
export const AttestationDecision: { [K in Decision]: K } = { KEEP: 'KEEP', NOT_MINE: 'NOT_MINE', DECOMMISSION: 'DECOMMISSION' };
registerEnumType(AttestationDecision, {
  name: 'AttestationDecision',
  description: 'KEEP: still needed and mine. NOT_MINE: back to UNASSIGNED, with a suggestion. DECOMMISSION: take it out of use.',
  valuesMap: {
    KEEP: { description: 'Still needed and mine: recorded as its last attestation.' },
    NOT_MINE: { description: 'Not mine: it goes back to UNASSIGNED and another owner is suggested.' },
    DECOMMISSION: { description: 'No longer needed: inventory decommissions it.' },
  },
});

export type CampaignStatus = Status;
export const CampaignStatus: { [K in Status]: K } = { OPEN: 'OPEN', CLOSED: 'CLOSED' };
registerEnumType(CampaignStatus, {
  name: 'CampaignStatus',
  description: 'Whether an attestation campaign still takes decisions.',
  valuesMap: {
    OPEN: { description: 'Takes decisions until its deadline.' },
    CLOSED: { description: 'Closed at its deadline; identities left undecided were escalated.' },
  },
});
