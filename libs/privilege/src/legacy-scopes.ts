import { assessPrivilege } from './assess';
import { providerKey } from './rules';
import { findManagedPolicy, managedPolicyArn } from './rules/aws-managed-policy-table';
import type { PermissionStatement } from './statement';

/**
 * Rows that carry only scope strings (the provider's words for what was
 * granted, no documents) are judged by the same rules once each scope is
 * read as a statement. A scope names no resource, so it is read as granted
 * on every resource: the worst case the row allows. That is a change from
 * the regex classifier for reads of data (`s3:GetObject` as a bare scope is
 * a broad data read, HIGH); a policy document naming the bucket is LOW.
 */
export function statementsFromScopes(provider: string, scopes: readonly string[]): PermissionStatement[] {
  const read = READERS[providerKey(provider)] ?? genericScope;
  return scopes
    .map((scope) => scope.trim())
    .filter((scope) => scope.length > 0)
    .flatMap((scope) => read(scope).map((statement) => ({ ...statement, via: `scope ${scope}` })));
}

/** Scopes that on their own reach ADMIN or hold a wildcard: what NHI5 ("overprivileged NHI") reports. */
export function adminOrWildcardScopes(provider: string, scopes: readonly string[]): string[] {
  return scopes.filter(
    (scope) => scope.includes('*') || assessPrivilege(provider, statementsFromScopes(provider, [scope]))?.level === 'ADMIN',
  );
}

type Unsourced = Omit<PermissionStatement, 'via'>;
type ScopeReader = (scope: string) => Unsourced[];

function allow(actions: string[], resources?: string[]): Unsourced {
  return resources ? { effect: 'Allow', actions, resources } : { effect: 'Allow', actions };
}

function genericScope(scope: string): Unsourced[] {
  return [allow([scope])];
}

function awsScope(scope: string): Unsourced[] {
  if (scope === '*' || scope === '*:*') return [allow(['*'])];
  if (/^arn:aws[a-z-]*:iam::(aws|\d{12}):policy\//.test(scope)) return [{ effect: 'Allow', managedPolicyArn: scope }];
  const policy = findManagedPolicy(scope);
  if (policy) return [{ effect: 'Allow', managedPolicyArn: managedPolicyArn(policy) }];
  return [allow([scope])];
}

function gcpScope(scope: string): Unsourced[] {
  if (scope.startsWith('gcp:')) return [allow([scope])];
  const basic = /^(owner|editor|viewer|browser)$/i.test(scope) ? `roles/${scope.toLowerCase()}` : scope;
  return [allow([`gcp:${basic}`])];
}

function azureScope(scope: string): Unsourced[] {
  return [allow([scope.startsWith('azure:') ? scope : `azure:${scope}`])];
}

/**
 * Classic OAuth App scopes in fine-grained permission words, so one set of
 * GitHub rules judges both.
 * https://docs.github.com/en/apps/oauth-apps/building-oauth-apps/scopes-for-oauth-apps
 */
const GITHUB_CLASSIC: Record<string, string[]> = {
  repo: ['contents:write', 'pull_requests:write', 'issues:write', 'statuses:write', 'deployments:write'],
  public_repo: ['contents:write'],
  'repo:status': ['statuses:write'],
  repo_deployment: ['deployments:write'],
  'repo:invite': ['repository_invitations:write'],
  security_events: ['security_events:write'],
  workflow: ['workflows:write'],
  delete_repo: ['administration:write'],
  'admin:org': ['organization_administration:write', 'members:write'],
  'write:org': ['members:write'],
  'read:org': ['members:read', 'organization_administration:read'],
  'admin:repo_hook': ['repository_hooks:write'],
  'write:repo_hook': ['repository_hooks:write'],
  'read:repo_hook': ['repository_hooks:read'],
  'admin:org_hook': ['organization_hooks:write'],
  'admin:public_key': ['git_ssh_keys:write'],
  'write:public_key': ['git_ssh_keys:write'],
  'read:public_key': ['git_ssh_keys:read'],
  'admin:gpg_key': ['gpg_keys:write'],
  'write:gpg_key': ['gpg_keys:write'],
  'read:gpg_key': ['gpg_keys:read'],
  'admin:ssh_signing_key': ['ssh_signing_keys:write'],
  'write:packages': ['packages:write'],
  'delete:packages': ['packages:write'],
  'read:packages': ['packages:read'],
  gist: ['gists:write'],
  notifications: ['notifications:read'],
  user: ['profile:write', 'emails:read', 'followers:write'],
  'read:user': ['profile:read'],
  'user:email': ['emails:read'],
  'user:follow': ['followers:write'],
  project: ['projects:write'],
  'read:project': ['projects:read'],
  codespace: ['codespaces:write'],
  'admin:enterprise': ['enterprise_administration:write'],
  'read:enterprise': ['enterprise_administration:read'],
  site_admin: ['enterprise_administration:write'],
  'read:audit_log': ['organization_administration:read'],
};

function githubScope(scope: string): Unsourced[] {
  if (scope.startsWith('github:')) return [allow([scope])];
  const classic = GITHUB_CLASSIC[scope.toLowerCase()];
  if (classic) return [allow(classic.map((permission) => `github:${permission}`))];
  return [allow([`github:${scope}`])];
}

const K8S_GROUPS: Record<string, string> = {
  deployments: 'apps',
  daemonsets: 'apps',
  statefulsets: 'apps',
  replicasets: 'apps',
  jobs: 'batch',
  cronjobs: 'batch',
  roles: 'rbac.authorization.k8s.io',
  rolebindings: 'rbac.authorization.k8s.io',
  clusterroles: 'rbac.authorization.k8s.io',
  clusterrolebindings: 'rbac.authorization.k8s.io',
  ingresses: 'networking.k8s.io',
  networkpolicies: 'networking.k8s.io',
  horizontalpodautoscalers: 'autoscaling',
  customresourcedefinitions: 'apiextensions.k8s.io',
};

const K8S_CORE = new Set([
  'pods',
  'services',
  'configmaps',
  'secrets',
  'serviceaccounts',
  'nodes',
  'namespaces',
  'persistentvolumes',
  'persistentvolumeclaims',
  'events',
  'endpoints',
  'replicationcontrollers',
]);

function k8sGroup(resource: string): string {
  const base = resource.split('/')[0];
  return K8S_GROUPS[base] ?? (K8S_CORE.has(base) ? 'core' : '*');
}

const CHANGE_VERBS = ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete', 'deletecollection'];
const READ_VERBS = ['get', 'list', 'watch'];
const EVERY_NAMESPACE = ['namespaces/*'];

/** What the `view` ClusterRole reads: a namespace's workloads and config, never its secrets. */
const VIEWED = [
  'core/pods',
  'core/pods/log',
  'core/services',
  'core/endpoints',
  'core/configmaps',
  'core/persistentvolumeclaims',
  'core/replicationcontrollers',
  'core/serviceaccounts',
  'core/events',
  'apps/deployments',
  'apps/daemonsets',
  'apps/statefulsets',
  'apps/replicasets',
  'batch/jobs',
  'batch/cronjobs',
  'autoscaling/horizontalpodautoscalers',
  'networking.k8s.io/ingresses',
  'networking.k8s.io/networkpolicies',
  'policy/poddisruptionbudgets',
];

/**
 * The default user-facing ClusterRoles, as "Using RBAC Authorization"
 * describes them: admin and edit change most namespaced resources (workloads,
 * secrets, pods/exec included), view reads them but not secrets. Bound by a
 * scope string, the namespace is unknown, so they are read as granted in every
 * namespace, not cluster-wide.
 */
const K8S_ROLES: Record<string, Unsourced[]> = {
  'cluster-admin': [allow(['k8s:*/*:*'])],
  'system:masters': [allow(['k8s:*/*:*'])],
  admin: [
    allow(
      CHANGE_VERBS.map((verb) => `k8s:*/*:${verb}`),
      EVERY_NAMESPACE,
    ),
  ],
  edit: [
    allow(
      CHANGE_VERBS.map((verb) => `k8s:*/*:${verb}`),
      EVERY_NAMESPACE,
    ),
  ],
  view: [
    allow(
      VIEWED.flatMap((resource) => READ_VERBS.map((verb) => `k8s:${resource}:${verb}`)),
      EVERY_NAMESPACE,
    ),
  ],
};

function kubernetesScope(scope: string): Unsourced[] {
  if (scope.startsWith('k8s:')) return [allow([scope])];
  const role = K8S_ROLES[scope.toLowerCase()];
  if (role) return role;
  const rule = /^([a-z*]+)\s+([a-z0-9./*-]+)$/i.exec(scope);
  if (rule) {
    const [, verb, resource] = rule;
    return [allow([`k8s:${k8sGroup(resource.toLowerCase())}/${resource.toLowerCase()}:${verb.toLowerCase()}`])];
  }
  return [allow([`k8s:${scope}`])];
}

const READERS: Record<string, ScopeReader> = {
  aws: awsScope,
  gcp: gcpScope,
  azure: azureScope,
  github: githubScope,
  kubernetes: kubernetesScope,
};
