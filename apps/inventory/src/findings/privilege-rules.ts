import type { IdentityState } from '../identity-data/identity-state';
import type { FindingDraft } from './finding-draft';
import { list, raised } from './rule-helpers';

/** The rule of @nhi/privilege that fires for a binding to cluster-admin (or its equivalent, every verb on everything). */
const CLUSTER_ADMIN_RULE = 'k8s.cluster-admin';

/**
 * Over-privilege (OWASP NHI5): administrator privilege, or a wildcard grant,
 * with the reasons the privilege rules gave; and a Kubernetes service account
 * bound to cluster-admin, which owns the cluster.
 */
export function privilegeFindings(state: IdentityState): FindingDraft[] {
  const production = state.environment === 'PRODUCTION';
  const wildcards = state.scopes.filter((scope) => scope.includes('*'));
  const admin = state.privilegeLevel === 'ADMIN';
  const findings: FindingDraft[] = [];
  if (admin || wildcards.length > 0) {
    findings.push({
      code: 'ADMIN_OR_WILDCARD_SCOPES',
      category: 'NHI5',
      severity: raised('HIGH', production),
      detail: admin
        ? `Administrator privilege: ${list(
            state.privilegeReasons.map((r) => r.evidence),
            3,
          )}.`
        : `Wildcard scopes: ${list(wildcards)}.`,
      evidence: [...state.privilegeReasons.map((r) => `${r.rule}: ${r.evidence}`), ...wildcards.map((scope) => `wildcard scope ${scope}`)],
    });
  }
  const clusterAdmin = state.privilegeReasons.filter((r) => r.rule === CLUSTER_ADMIN_RULE);
  if (state.provider === 'kubernetes' && clusterAdmin.length > 0) {
    findings.push({
      code: 'CLUSTER_ADMIN_BINDING',
      category: 'NHI5',
      severity: raised('HIGH', production),
      detail: 'A Kubernetes service account is bound to cluster-admin: whoever holds its token owns the cluster.',
      evidence: clusterAdmin.map((r) => r.evidence),
    });
  }
  return findings;
}
