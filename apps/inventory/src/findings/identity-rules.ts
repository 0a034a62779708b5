import type { NhiKind, Severity } from '@nhi/contracts';
import { adminOrWildcardScopes } from '../classification/privilege-classifier';
import type { IdentityState } from '../identity-data/identity-state';
import type { FindingDraft } from './finding-draft';

export interface FindingRulesConfig {
  maxCredentialAgeDays: number;
}

const DAY_MS = 86_400_000;

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

function raised(severity: Severity, production: boolean): Severity {
  const order: Severity[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];
  return production ? (order[Math.min(order.indexOf(severity) + 1, order.length - 1)] ?? severity) : severity;
}

function list(values: string[], max = 5): string {
  return values.length <= max ? values.join(', ') : `${values.slice(0, max).join(', ')} and ${values.length - max} more`;
}

/** Findings an identity earns on its own (the ones that need other identities are in shared-credential rules). */
export function identityFindings(state: IdentityState, now: Date, config: FindingRulesConfig): FindingDraft[] {
  if (state.status === 'DECOMMISSIONED') return [];
  const production = state.environment === 'PRODUCTION';
  const findings: FindingDraft[] = [];

  if (CREDENTIAL_KINDS.has(state.kind) && !state.expiresAt) {
    findings.push({ code: 'NO_EXPIRY', category: 'NHI7', severity: raised('MEDIUM', production), detail: 'The credential never expires.' });
  }
  if (state.createdAt) {
    const ageDays = Math.floor((now.getTime() - state.createdAt.getTime()) / DAY_MS);
    if (ageDays > config.maxCredentialAgeDays) {
      findings.push({
        code: 'CREDENTIAL_TOO_OLD',
        category: 'NHI7',
        severity: raised('MEDIUM', production),
        detail: `The credential is ${ageDays} days old; the maximum is ${config.maxCredentialAgeDays}.`,
      });
    }
  }
  const powerful = adminOrWildcardScopes(state.provider, state.scopes);
  if (powerful.length > 0) {
    findings.push({
      code: 'ADMIN_OR_WILDCARD_SCOPES',
      category: 'NHI5',
      severity: raised('HIGH', production),
      detail: `Administrator or wildcard scopes: ${list(powerful)}.`,
    });
  }
  if (state.usedScopes) {
    const used = new Set(state.usedScopes);
    const unused = state.scopes.filter((scope) => !used.has(scope));
    if (unused.length > 0) {
      findings.push({
        code: 'UNUSED_SCOPES',
        category: 'NHI5',
        severity: 'MEDIUM',
        detail: `${unused.length} of ${state.scopes.length} granted scopes are unused: ${list(unused)}.`,
      });
    }
  }
  if (state.authMethod && WEAK_AUTH_METHODS.has(state.authMethod)) {
    findings.push({
      code: 'WEAK_AUTHENTICATION',
      category: 'NHI4',
      severity: raised('MEDIUM', production),
      detail: `Authenticates with ${state.authMethod}.`,
    });
  }
  if (state.interactiveUse) {
    findings.push({
      code: 'HUMAN_USE',
      category: 'NHI10',
      severity: 'HIGH',
      detail: 'A source reports interactive use: a person is using this non-human identity.',
    });
  }
  return findings;
}
