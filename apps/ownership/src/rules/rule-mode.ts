import { registerEnumType } from '@nestjs/graphql';

export type RuleMode = 'AUTO_ASSIGN' | 'SUGGEST';
export const RuleMode: { [K in RuleMode]: K } = { AUTO_ASSIGN: 'AUTO_ASSIGN', SUGGEST: 'SUGGEST' };
registerEnumType(RuleMode, {
  name: 'RuleMode',
  description: 'AUTO_ASSIGN: assign the owner when this is the only owner the matching rules name. SUGGEST: only suggest it.',
});

export type SuggestionStatus = 'PENDING' | 'ACCEPTED' | 'REJECTED';
export const SuggestionStatus: { [K in SuggestionStatus]: K } = { PENDING: 'PENDING', ACCEPTED: 'ACCEPTED', REJECTED: 'REJECTED' };
registerEnumType(SuggestionStatus, { name: 'SuggestionStatus' });
