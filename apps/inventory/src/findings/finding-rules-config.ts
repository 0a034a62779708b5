import type { InventoryConfig } from '../inventory-config';

/** The thresholds of the finding rules (inventory's MAX_CREDENTIAL_AGE_DAYS, KEY_MAX_AGE_DAYS, UNUSED_AFTER_DAYS, KNOWN_ACCOUNT_IDS). */
export interface FindingRulesConfig {
  maxCredentialAgeDays: number;
  keyMaxAgeDays: number;
  unusedAfterDays: number;
  /** Cloud accounts the organisation owns, beyond the identity's own: trust in any other is a third party's. */
  knownAccounts: readonly string[];
}

export function findingRulesConfig(config: InventoryConfig): FindingRulesConfig {
  return {
    maxCredentialAgeDays: config.MAX_CREDENTIAL_AGE_DAYS,
    keyMaxAgeDays: config.KEY_MAX_AGE_DAYS,
    unusedAfterDays: config.UNUSED_AFTER_DAYS,
    knownAccounts: config.KNOWN_ACCOUNT_IDS,
  };
}
