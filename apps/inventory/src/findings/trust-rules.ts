import type { IdentityState } from '../identity-data/identity-state';
import type { FindingDraft } from './finding-draft';
import type { FindingRulesConfig } from './finding-rules-config';
import { list, raised } from './rule-helpers';

const AWS_ACCOUNT = /^(?:arn:aws[a-z-]*:(?:iam|sts)::)?(\d{12})(?::|$)/;

/** The AWS account a principal belongs to (`123456789012`, `arn:aws:iam::123456789012:root`, a role ARN); null for services and federations. */
export function accountOf(principal: string): string | null {
  return AWS_ACCOUNT.exec(principal.trim())?.[1] ?? null;
}

/**
 * Who may assume the identity. Open to anyone (`*`, allUsers) is an insecure
 * configuration (OWASP NHI6); trust in an account outside the known set (the
 * identity's own and KNOWN_ACCOUNT_IDS) hands it to a third party (NHI3).
 */
export function trustFindings(state: IdentityState, config: FindingRulesConfig): FindingDraft[] {
  const principals = state.trustedPrincipals ?? [];
  const production = state.environment === 'PRODUCTION';
  const findings: FindingDraft[] = [];
  const open = principals.filter((p) => p.trim() === '*' || /^(allUsers|allAuthenticatedUsers)$/.test(p.trim()));
  if (open.length > 0) {
    findings.push({
      code: 'TRUST_OPEN_TO_ANYONE',
      category: 'NHI6',
      severity: raised('HIGH', production),
      detail: 'Anyone may assume or impersonate this identity: its trust names every principal.',
      evidence: open.map((p) => `trusted principal ${p}`),
    });
  }
  const own = accountOf(state.externalId);
  const known = new Set([...config.knownAccounts, ...(own ? [own] : [])]);
  const foreign = [...new Set(principals.map(accountOf).filter((a): a is string => a !== null && !known.has(a)))];
  if (foreign.length > 0) {
    findings.push({
      code: 'TRUST_FOREIGN_ACCOUNT',
      category: 'NHI3',
      severity: raised('MEDIUM', production),
      detail: `Accounts outside the known set may assume this identity: ${list(foreign)}.`,
      evidence: foreign.map((a) => `trusted account ${a}`),
    });
  }
  return findings;
}
