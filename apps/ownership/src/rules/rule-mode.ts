import { registerEnumType } from '@nestjs/graphql';

export type RuleMode = 'AUTO_ASSIGN' | 'SUGGEST';
export const RuleMode: { [K in RuleMode]: K } = { AUTO_ASSIGN: 'AUTO_ASSIGN', SUGGEST: 'SUGGEST' };
registerEnumType(RuleMode, {
  name: 'RuleMode',
  description: 'AUTO_ASSIGN: assign the owner when this is the only owner the matching rules name. SUGGEST: only suggest it.',
  valuesMap: {
    AUTO_ASSIGN: { description: 'Assign the owner when it is the only owner the matching rules name; otherwise suggest it.' },
    SUGGEST: { description: 'Only suggest the owner, for a person to accept or reject.' },
  },
});

export type SuggestionStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED';
export const SuggestionStatus: { [K in SuggestionStatus]: K } = { PENDING: 'PENDING', ACCEPTED: 'ACCEPTED', REJECTED: 'REJECTED' };
registerEnumType(SuggestionStatus, {
  name: 'SuggestionStatus',
  description: 'Where an ownership suggestion stands.',
  valuesMap: {
    PENDING: { description: 'Open: waiting for a person to accept or reject it.' },
    ACCEPTED: { description: 'Accepted: its owner became the PRIMARY owner.' },
    REJECTED: { description: 'Rejected, or closed when another suggestion for the identity was accepted.' },
  },
});
