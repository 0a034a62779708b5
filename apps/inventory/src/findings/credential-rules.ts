import { credentialLabel, LONG_LIVED_TYPES, type StoredCredential } from '../identity-data/credential';
import type { IdentityState } from '../identity-data/identity-state';
import type { FindingDraft } from './finding-draft';
import type { FindingRulesConfig } from './finding-rules-config';
import { day, daysSince, raised, unusedPast } from './rule-helpers';

/** Types a provider lets expire; an access key, a password or an SSH key has no expiry to set, so only its age counts. */
const EXPIRABLE = new Set(['CLIENT_SECRET', 'TOKEN', 'SERVICE_ACCOUNT_KEY', 'CERTIFICATE', 'PRIVATE_KEY']);
/** Keys whose rotation has its own maximum (KEY_MAX_AGE_DAYS). */
const KEYS = new Set(['ACCESS_KEY', 'SERVICE_ACCOUNT_KEY']);

function ageFindings(c: StoredCredential, now: Date, config: FindingRulesConfig, production: boolean): FindingDraft[] {
  const since = c.lastRotatedAt ?? c.createdAt;
  if (!since) return [];
  const age = daysSince(since, now);
  const key = KEYS.has(c.type);
  const max = key ? config.keyMaxAgeDays : config.maxCredentialAgeDays;
  if (age <= max) return [];
  const what = c.lastRotatedAt ? `last rotated ${day(c.lastRotatedAt)}` : `created ${day(since)}, never rotated`;
  return [
    {
      code: key ? 'KEY_NOT_ROTATED' : 'CREDENTIAL_TOO_OLD',
      category: 'NHI7',
      severity: raised('MEDIUM', production),
      subject: credentialLabel(c),
      detail: `The ${credentialLabel(c)} is ${age} days old; the maximum is ${max}.`,
      evidence: [what],
    },
  ];
}

function usageFindings(c: StoredCredential, now: Date, config: FindingRulesConfig): FindingDraft[] {
  const unusedFor = unusedPast(c, now, config.unusedAfterDays);
  if (unusedFor === null) return [];
  return [
    {
      code: 'UNUSED_CREDENTIAL',
      category: 'NHI1',
      severity: 'MEDIUM',
      subject: credentialLabel(c),
      detail: `The ${credentialLabel(c)} is active but ${unusedFor === 'never' ? 'has never been used' : `has not been used for ${unusedFor} days`}; remove it.`,
      evidence: [c.lastUsedAt ? `last used ${day(c.lastUsedAt)}` : `never used${c.createdAt ? `; created ${day(c.createdAt)}` : ''}`],
    },
  ];
}

function consolePassword(state: IdentityState, c: StoredCredential): FindingDraft[] {
  if (c.type !== 'PASSWORD') return [];
  const noMfa = state.mfaEnabled === false;
  return [
    {
      code: 'CONSOLE_PASSWORD',
      category: 'NHI10',
      severity: noMfa ? 'HIGH' : 'MEDIUM',
      subject: credentialLabel(c),
      detail: `A non-human identity can sign in with a password${noMfa ? ' and no MFA' : ''}, as a person would.`,
      evidence: [
        'password enabled',
        ...(c.lastUsedAt ? [`password last used ${day(c.lastUsedAt)}`] : []),
        ...(noMfa ? ['MFA not active'] : []),
      ],
    },
  ];
}

/** Findings about each credential an identity holds, naming it: age, expiry, rotation, use and console sign-in. */
export function credentialFindings(state: IdentityState, now: Date, config: FindingRulesConfig): FindingDraft[] {
  const production = state.environment === 'PRODUCTION';
  return (state.credentials ?? [])
    .filter((c) => c.status === 'ACTIVE')
    .flatMap((c) => {
      const findings = [...consolePassword(state, c)];
      if (!LONG_LIVED_TYPES.has(c.type)) return findings;
      if (EXPIRABLE.has(c.type) && !c.expiresAt) {
        findings.push({
          code: 'NO_EXPIRY',
          category: 'NHI7',
          severity: raised('MEDIUM', production),
          subject: credentialLabel(c),
          detail: `The ${credentialLabel(c)} never expires.`,
          evidence: ['no expiry date'],
        });
      }
      return [...findings, ...ageFindings(c, now, config, production), ...usageFindings(c, now, config)];
    });
}
