import type { NhiEnvironment } from '@nhi/contracts';
import type { IdentityState } from '../identity-data/identity-state';
import type { FindingDraft } from './finding-draft';

/** Who else holds the same credential (by fingerprint), among identities still in use. */
export interface CredentialGroup {
  environments: NhiEnvironment[];
  systems: string[];
}

const NON_PRODUCTION: NhiEnvironment[] = ['STAGING', 'DEVELOPMENT', 'TEST'];

/** The codes sharedCredentialFindings produces: the only ones that change when another identity changes. */
export const SHARED_CREDENTIAL_CODES: ReadonlySet<string> = new Set(['SHARED_ACROSS_ENVIRONMENTS', 'REUSED_ACROSS_SYSTEMS', 'LEAKED']);

/** What the shared-credential rules look at in the identity itself. */
export type CredentialHolder = Pick<IdentityState, 'status' | 'credentialFingerprint' | 'environment'>;

/** A stored identity that holds one of the credentials in question, with what grouping its holders needs. */
export type HolderRow = Pick<IdentityState, 'id' | 'status' | 'environment' | 'system'> & { credentialFingerprint: string };

/** Per credential, the environments and systems of the holders still in use. */
export function credentialGroups(holders: readonly HolderRow[]): Map<string, CredentialGroup> {
  const sets = new Map<string, { environments: Set<NhiEnvironment>; systems: Set<string> }>();
  for (const holder of holders) {
    if (holder.status === 'DECOMMISSIONED') continue;
    let group = sets.get(holder.credentialFingerprint);
    if (!group) {
      group = { environments: new Set(), systems: new Set() };
      sets.set(holder.credentialFingerprint, group);
    }
    group.environments.add(holder.environment);
    if (holder.system !== null) group.systems.add(holder.system);
  }
  return new Map([...sets].map(([fp, group]) => [fp, { environments: [...group.environments], systems: [...group.systems] }]));
}

/** Findings that only show when identities are seen together: one credential in several places, or leaked. */
export function sharedCredentialFindings(
  state: CredentialHolder,
  group: CredentialGroup | undefined,
  leakSources: string[],
): FindingDraft[] {
  if (state.status === 'DECOMMISSIONED' || !state.credentialFingerprint) return [];
  const findings: FindingDraft[] = [];
  if (group?.environments.includes('PRODUCTION') && group.environments.some((env) => NON_PRODUCTION.includes(env))) {
    findings.push({
      code: 'SHARED_ACROSS_ENVIRONMENTS',
      category: 'NHI8',
      severity: 'HIGH',
      detail: `The same credential is used in ${[...group.environments].sort().join(' and ')}.`,
      evidence: [`fingerprint ${state.credentialFingerprint}`, ...[...group.environments].sort().map((env) => `held in ${env}`)],
    });
  }
  if (group && group.systems.length > 1) {
    findings.push({
      code: 'REUSED_ACROSS_SYSTEMS',
      category: 'NHI9',
      severity: state.environment === 'PRODUCTION' ? 'HIGH' : 'MEDIUM',
      detail: `The same credential is used by ${group.systems.length} systems: ${[...group.systems].sort().join(', ')}.`,
      evidence: [`fingerprint ${state.credentialFingerprint}`, ...[...group.systems].sort().map((system) => `held by ${system}`)],
    });
  }
  if (leakSources.length > 0) {
    findings.push({
      code: 'LEAKED',
      category: 'NHI2',
      severity: 'CRITICAL',
      detail: `A leak scanner reported this credential: ${[...leakSources].sort().join(', ')}.`,
      evidence: [`fingerprint ${state.credentialFingerprint}`, ...[...leakSources].sort().map((source) => `reported by ${source}`)],
    });
  }
  return findings;
}
