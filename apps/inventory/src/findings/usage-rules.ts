import type { IdentityState } from '../identity-data/identity-state';
import type { FindingDraft } from './finding-draft';
import type { FindingRulesConfig } from './finding-rules-config';
import { day, raised, unusedPast } from './rule-helpers';

/**
 * An identity nobody uses should be offboarded (OWASP NHI1, Improper
 * Offboarding): never used since it was created more than UNUSED_AFTER_DAYS
 * ago, or not used for that long. An unused administrator is the worst of
 * them: all of the risk, none of the need.
 */
export function usageFindings(state: IdentityState, now: Date, config: FindingRulesConfig): FindingDraft[] {
  const unusedFor = unusedPast(state, now, config.unusedAfterDays);
  if (unusedFor === null) return [];
  const admin = state.privilegeLevel === 'ADMIN';
  const evidence = [
    state.lastUsedAt ? `last used ${day(state.lastUsedAt)}` : 'never used',
    ...(state.createdAt ? [`created ${day(state.createdAt)}`] : []),
    ...(admin ? state.privilegeReasons.map((r) => `${r.rule}: ${r.evidence}`) : []),
  ];
  const when = unusedFor === 'never' ? 'has never been used' : `has not been used for ${unusedFor} days`;
  return [
    {
      code: admin ? 'UNUSED_ADMIN' : 'UNUSED_IDENTITY',
      category: 'NHI1',
      severity: raised(admin ? 'HIGH' : 'MEDIUM', state.environment === 'PRODUCTION'),
      detail: admin
        ? `An identity with administrator privilege ${when}; remove it or its privilege.`
        : `The identity ${when} (the limit is ${config.unusedAfterDays}); offboard it.`,
      evidence,
    },
  ];
}
