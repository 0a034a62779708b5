import type { LabelSelector, PolicyRule } from './rbac-objects';

/**
 * The default user-facing ClusterRoles (cluster-admin, admin, edit, view) and the
 * three ClusterRoles they aggregate, for a roleRef to one of them in an export
 * made without them. From "Using RBAC Authorization", Default roles and role
 * bindings (https://kubernetes.io/docs/reference/access-authn-authz/rbac/#user-facing-roles)
 * and the API server's bootstrap policy that defines them
 * (kubernetes/kubernetes plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata/cluster-roles.yaml).
 * admin, edit and view are aggregated, as in a cluster: view gathers the roles
 * labelled aggregate-to-view, edit those labelled aggregate-to-edit (view among
 * them), admin those labelled aggregate-to-admin (edit among them), so a custom
 * ClusterRole in the export with one of those labels is gathered too.
 * cluster-admin's nonResourceURLs rule is left out, as every such rule is.
 */
export interface ClusterRoleDefinition {
  name: string;
  labels: Array<[string, string]>;
  rules: PolicyRule[];
  aggregation: LabelSelector[] | null;
}

const rule = (apiGroups: string[], resources: string[], verbs: string[]): PolicyRule => ({
  apiGroups,
  resources,
  verbs,
  resourceNames: [],
  nonResourceURLs: [],
});

const WRITE = ['create', 'delete', 'deletecollection', 'patch', 'update'];
const READ = ['get', 'list', 'watch'];
const aggregateTo = (role: string): LabelSelector[] => [
  { matchLabels: [[`rbac.authorization.k8s.io/aggregate-to-${role}`, 'true']], matchExpressions: [] },
];
const label = (role: string): [string, string] => [`rbac.authorization.k8s.io/aggregate-to-${role}`, 'true'];

const AGGREGATE_TO_ADMIN: PolicyRule[] = [
  rule(['authorization.k8s.io'], ['localsubjectaccessreviews'], ['create']),
  rule(['rbac.authorization.k8s.io'], ['rolebindings', 'roles'], [...WRITE, ...READ]),
];

const AGGREGATE_TO_EDIT: PolicyRule[] = [
  rule([''], ['pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy', 'secrets', 'services/proxy'], READ),
  rule([''], ['serviceaccounts'], ['impersonate']),
  rule([''], ['pods', 'pods/attach', 'pods/exec', 'pods/portforward', 'pods/proxy'], WRITE),
  rule([''], ['pods/eviction'], ['create']),
  rule(
    [''],
    [
      'configmaps',
      'events',
      'persistentvolumeclaims',
      'replicationcontrollers',
      'replicationcontrollers/scale',
      'secrets',
      'serviceaccounts',
      'services',
      'services/proxy',
    ],
    WRITE,
  ),
  rule([''], ['serviceaccounts/token'], ['create']),
  rule(
    ['apps'],
    [
      'daemonsets',
      'deployments',
      'deployments/rollback',
      'deployments/scale',
      'replicasets',
      'replicasets/scale',
      'statefulsets',
      'statefulsets/scale',
    ],
    WRITE,
  ),
  rule(['autoscaling'], ['horizontalpodautoscalers'], WRITE),
  rule(['batch'], ['cronjobs', 'jobs'], WRITE),
  rule(
    ['extensions'],
    [
      'daemonsets',
      'deployments',
      'deployments/rollback',
      'deployments/scale',
      'ingresses',
      'networkpolicies',
      'replicasets',
      'replicasets/scale',
      'replicationcontrollers/scale',
    ],
    WRITE,
  ),
  rule(['policy'], ['poddisruptionbudgets'], WRITE),
  rule(['networking.k8s.io'], ['ingresses', 'networkpolicies'], WRITE),
  rule(['coordination.k8s.io'], ['leases'], [...WRITE, ...READ]),
];

const AGGREGATE_TO_VIEW: PolicyRule[] = [
  rule(
    [''],
    [
      'configmaps',
      'endpoints',
      'persistentvolumeclaims',
      'persistentvolumeclaims/status',
      'pods',
      'replicationcontrollers',
      'replicationcontrollers/scale',
      'serviceaccounts',
      'services',
      'services/status',
    ],
    READ,
  ),
  rule(
    [''],
    [
      'bindings',
      'events',
      'limitranges',
      'namespaces/status',
      'pods/log',
      'pods/status',
      'replicationcontrollers/status',
      'resourcequotas',
      'resourcequotas/status',
    ],
    READ,
  ),
  rule([''], ['namespaces'], READ),
  rule(['discovery.k8s.io'], ['endpointslices'], READ),
  rule(
    ['apps'],
    [
      'controllerrevisions',
      'daemonsets',
      'daemonsets/status',
      'deployments',
      'deployments/scale',
      'deployments/status',
      'replicasets',
      'replicasets/scale',
      'replicasets/status',
      'statefulsets',
      'statefulsets/scale',
      'statefulsets/status',
    ],
    READ,
  ),
  rule(['autoscaling'], ['horizontalpodautoscalers', 'horizontalpodautoscalers/status'], READ),
  rule(['batch'], ['cronjobs', 'cronjobs/status', 'jobs', 'jobs/status'], READ),
  rule(
    ['extensions'],
    [
      'daemonsets',
      'daemonsets/status',
      'deployments',
      'deployments/scale',
      'deployments/status',
      'ingresses',
      'ingresses/status',
      'networkpolicies',
      'replicasets',
      'replicasets/scale',
      'replicasets/status',
      'replicationcontrollers/scale',
    ],
    READ,
  ),
  rule(['policy'], ['poddisruptionbudgets', 'poddisruptionbudgets/status'], READ),
  rule(['networking.k8s.io'], ['ingresses', 'ingresses/status', 'networkpolicies'], READ),
];

export const DEFAULT_CLUSTER_ROLES: ReadonlyMap<string, ClusterRoleDefinition> = new Map(
  [
    { name: 'cluster-admin', labels: [], rules: [rule(['*'], ['*'], ['*'])], aggregation: null },
    { name: 'admin', labels: [], rules: [], aggregation: aggregateTo('admin') },
    { name: 'edit', labels: [label('admin')], rules: [], aggregation: aggregateTo('edit') },
    { name: 'view', labels: [label('edit')], rules: [], aggregation: aggregateTo('view') },
    { name: 'system:aggregate-to-admin', labels: [label('admin')], rules: AGGREGATE_TO_ADMIN, aggregation: null },
    { name: 'system:aggregate-to-edit', labels: [label('edit')], rules: AGGREGATE_TO_EDIT, aggregation: null },
    { name: 'system:aggregate-to-view', labels: [label('view')], rules: AGGREGATE_TO_VIEW, aggregation: null },
  ].map((role) => [role.name, role as ClusterRoleDefinition]),
);
