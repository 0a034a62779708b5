import { isAllowed } from '../evaluate';
import { grantEvidence } from '../evidence';
import { survivingGrants, type Grant } from '../grants';
import type { PermissionStatement } from '../statement';
import { grantsEvidence } from './grant-evidence';
import { groupedEvidence, narrowlyAllowed, type Reach } from './reach';
import { fixedRule } from './rule';

const GOOD_PRACTICES = 'https://kubernetes.io/docs/concepts/security/rbac-good-practices/';
const USING_RBAC = 'https://kubernetes.io/docs/reference/access-authn-authz/rbac/';

const RBAC = 'rbac.authorization.k8s.io';
const READ_VERBS = new Set(['get', 'list', 'watch']);

/** `k8s:<apiGroup>/<resource>:<verb>`, the core group as `core` (the statement convention). */
const K8S_ACTION = /^k8s:([^/:]*)\/([^:]+):([^:]+)$/i;

function k8s(group: string, resource: string, verbs: readonly string[]): string[] {
  return verbs.map((verb) => `k8s:${group}/${resource}:${verb}`);
}

/** Every scope an action is allowed at, cluster-wide (`*`) or a namespace's. */
function anywhere(statements: readonly PermissionStatement[], actions: readonly string[]): Reach[] {
  return actions.flatMap((action) => narrowlyAllowed(statements, action));
}

export const k8sClusterAdmin = fixedRule(
  'k8s.cluster-admin',
  'ADMIN',
  'Every verb on every resource in every API group, cluster-wide: what the cluster-admin ClusterRole grants.',
  [USING_RBAC],
  (statements) => {
    const decision = isAllowed(statements, 'k8s:*/*:*', '*');
    return decision.allowed ? [grantEvidence(['every verb on every resource in every API group'], '*', decision)] : [];
  },
);

const ESCALATION = [
  ...k8s(RBAC, 'roles', ['escalate', 'bind']),
  ...k8s(RBAC, 'clusterroles', ['escalate', 'bind']),
  ...k8s('core', 'users', ['impersonate']),
  ...k8s('core', 'groups', ['impersonate']),
  ...k8s('core', 'serviceaccounts', ['impersonate']),
];

export const k8sEscalateBindImpersonate = fixedRule(
  'k8s.escalate-bind-impersonate',
  'ADMIN',
  '`escalate` or `bind` on roles or clusterroles, `impersonate` on users, groups or serviceaccounts, at any scope: ways around RBAC’s own escalation check.',
  [GOOD_PRACTICES, USING_RBAC],
  (statements) => groupedEvidence(anywhere(statements, ESCALATION)),
);

const SECRET_READS = k8s('core', 'secrets', ['get', 'list', 'watch']);

export const k8sSecretsClusterWide = fixedRule(
  'k8s.secrets-cluster-wide',
  'HIGH',
  'get, list or watch on secrets cluster-wide: every secret, service account tokens included.',
  [GOOD_PRACTICES],
  (statements) => groupedEvidence(anywhere(statements, SECRET_READS).filter((reach) => reach.resource === '*')),
);

export const k8sSecretsNamespaced = fixedRule(
  'k8s.secrets-namespaced',
  'MEDIUM',
  'get, list or watch on secrets in named namespaces.',
  [GOOD_PRACTICES],
  (statements) => {
    const clusterWide = anywhere(statements, SECRET_READS).some((reach) => reach.resource === '*');
    return clusterWide ? [] : groupedEvidence(anywhere(statements, SECRET_READS));
  },
);

export const k8sPodExec = fixedRule(
  'k8s.pod-exec',
  'HIGH',
  '`create` on pods/exec or pods/attach: a shell in running pods, with their service accounts and mounted secrets.',
  [GOOD_PRACTICES],
  (statements) =>
    groupedEvidence(anywhere(statements, [...k8s('core', 'pods/exec', ['create']), ...k8s('core', 'pods/attach', ['create'])])),
);

const WORKLOADS = [
  ...k8s('core', 'pods', ['create']),
  ...k8s('core', 'replicationcontrollers', ['create']),
  ...['deployments', 'daemonsets', 'statefulsets', 'replicasets'].flatMap((resource) => k8s('apps', resource, ['create'])),
  ...['jobs', 'cronjobs'].flatMap((resource) => k8s('batch', resource, ['create'])),
];

export const k8sWorkloadCreate = fixedRule(
  'k8s.workload-create',
  'HIGH',
  'Creating pods or workloads (deployments, daemonsets, statefulsets, replicasets, jobs, cronjobs): a pod can mount any secret and run as any service account of its namespace.',
  [GOOD_PRACTICES],
  (statements) => groupedEvidence(anywhere(statements, WORKLOADS)),
);

export const k8sTokenCreate = fixedRule(
  'k8s.token-create',
  'HIGH',
  '`create` on serviceaccounts/token: tokens for service accounts, so their permissions.',
  [GOOD_PRACTICES],
  (statements) => groupedEvidence(anywhere(statements, k8s('core', 'serviceaccounts/token', ['create']))),
);

export const k8sNodesProxy = fixedRule(
  'k8s.nodes-proxy',
  'HIGH',
  'nodes/proxy, cluster-wide (nodes are not namespaced): the kubelet API, which runs commands in any pod on the node and bypasses audit and admission.',
  [GOOD_PRACTICES],
  (statements) =>
    groupedEvidence(anywhere(statements, k8s('core', 'nodes/proxy', ['get', 'create'])).filter((reach) => reach.resource === '*')),
);

function verbOf(grant: Grant): string | null {
  return K8S_ACTION.exec(grant.action)?.[3].toLowerCase() ?? null;
}

export const k8sWrite = fixedRule(
  'k8s.write',
  'MEDIUM',
  'Any other verb that changes something (create, update, patch, delete, or `*`).',
  [USING_RBAC],
  (statements) =>
    grantsEvidence(
      survivingGrants(statements).filter((grant) => {
        const verb = verbOf(grant);
        return verb !== null && !READ_VERBS.has(verb);
      }),
    ),
);

export const k8sRead = fixedRule(
  'k8s.read',
  'LOW',
  'get, list and watch (secret reads are judged by the secrets rules too).',
  [USING_RBAC],
  (statements) =>
    grantsEvidence(
      survivingGrants(statements).filter((grant) => {
        const verb = verbOf(grant);
        return verb !== null && READ_VERBS.has(verb);
      }),
    ),
);

export const k8sUnrecognisedAction = fixedRule(
  'unknown-action',
  'MEDIUM',
  'An action not of the form k8s:<apiGroup>/<resource>:<verb>: it could do anything, so it counts as a change.',
  [],
  (statements) => grantsEvidence(survivingGrants(statements).filter((grant) => grant.except !== undefined || verbOf(grant) === null)),
);
