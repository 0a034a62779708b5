import type { NhiKind } from '@nhi/contracts';
import type { IdentityState } from '../identity-data/identity-state';
import { credentialFindings } from './credential-rules';
import type { FindingDraft } from './finding-draft';
import type { FindingRulesConfig } from './finding-rules-config';
import { privilegeFindings } from './privilege-rules';
import { day, daysSince, list, raised } from './rule-helpers';
import { trustFindings } from './trust-rules';
import { usageFindings } from './usage-rules';

export type { FindingRulesConfig } from './finding-rules-config';

/**
 * Kinds that are a credential themselves, so they should expire. OTHER is among
 * them: nothing says what it is, and taking it for a credential errs on the safe
 * side (a NO_EXPIRY finding someone dismisses) rather than hiding a key that never expires.
 */
const CREDENTIAL_KINDS = new Set<NhiKind>(['API_KEY', 'ACCESS_TOKEN', 'SECRET', 'SSH_KEY', 'CERTIFICATE', 'OAUTH_CLIENT', 'OTHER']);

/** Ways of authenticating that rely on a static shared secret or a broken scheme (OWASP NHI4). */
export const WEAK_AUTH_METHODS = new Set([
  'password',
  'basic',
  'static-key',
  'shared-secret',
  'ntlm',
  'digest',
  'api-key-in-url',
  'ssh-rsa-1024',
  'ssh-dss',
]);

/**
 * NHI7 for an identity that is itself a credential (an API key row, or one
 * whose fingerprint stands for its single credential) and lists none: its
 * expiry and its age. A role or a federated workload holds no long-lived
 * secret, so it gets neither; an identity whose credentials a source listed
 * (even as none) is judged per credential instead.
 */
function selfCredentialFindings(state: IdentityState, now: Date, config: FindingRulesConfig): FindingDraft[] {
  const isCredential = CREDENTIAL_KINDS.has(state.kind) || state.credentialFingerprint !== null;
  if (!isCredential || state.credentials !== null) return [];
  const production = state.environment === 'PRODUCTION';
  const findings: FindingDraft[] = [];
  if (CREDENTIAL_KINDS.has(state.kind) && !state.expiresAt) {
    findings.push({
      code: 'NO_EXPIRY',
      category: 'NHI7',
      severity: raised('MEDIUM', production),
      detail: 'The credential never expires.',
      evidence: ['no expiry date'],
    });
  }
  if (state.createdAt && daysSince(state.createdAt, now) > config.maxCredentialAgeDays) {
    findings.push({
      code: 'CREDENTIAL_TOO_OLD',
      category: 'NHI7',
      severity: raised('MEDIUM', production),
      detail: `The credential is ${daysSince(state.createdAt, now)} days old; the maximum is ${config.maxCredentialAgeDays}.`,
      evidence: [`created ${day(state.createdAt)}`],
    });
  }
  return findings;
}

function scopeFindings(state: IdentityState): FindingDraft[] {
  if (!state.usedScopes) return [];
  const used = new Set(state.usedScopes);
  const unused = state.scopes.filter((scope) => !used.has(scope));
  if (unused.length === 0) return [];
  return [
    {
      code: 'UNUSED_SCOPES',
      category: 'NHI5',
      severity: 'MEDIUM',
      detail: `${unused.length} of ${state.scopes.length} granted scopes are unused: ${list(unused)}.`,
      evidence: unused.slice(0, 20).map((scope) => `granted, not used: ${scope}`),
    },
  ];
}

function useFindings(state: IdentityState): FindingDraft[] {
  const findings: FindingDraft[] = [];
  if (state.authMethod && WEAK_AUTH_METHODS.has(state.authMethod)) {
    findings.push({
      code: 'WEAK_AUTHENTICATION',
      category: 'NHI4',
      severity: raised('MEDIUM', state.environment === 'PRODUCTION'),
      detail: `Authenticates with ${state.authMethod}.`,
      evidence: [`auth method ${state.authMethod}`],
    });
  }
  if (state.interactiveUse) {
    findings.push({
      code: 'HUMAN_USE',
      category: 'NHI10',
      severity: 'HIGH',
      detail: 'A source reports interactive use: a person is using this non-human identity.',
      evidence: ['interactive use reported by a source'],
    });
  }
  return findings;
}

/** Findings an identity earns on its own (the ones that need other identities are in shared-credential rules). */
export function identityFindings(state: IdentityState, now: Date, config: FindingRulesConfig): FindingDraft[] {
  if (state.status === 'DECOMMISSIONED') return [];
  return [
    ...selfCredentialFindings(state, now, config),
    ...credentialFindings(state, now, config),
    ...privilegeFindings(state),
    ...scopeFindings(state),
    ...useFindings(state),
    ...usageFindings(state, now, config),
    ...trustFindings(state, config),
  ];
}
