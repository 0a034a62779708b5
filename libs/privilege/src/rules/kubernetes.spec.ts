import type { PermissionStatement } from '../statement';
import {
  k8sClusterAdmin,
  k8sEscalateBindImpersonate,
  k8sNodesProxy,
  k8sPodExec,
  k8sRead,
  k8sSecretsClusterWide,
  k8sSecretsNamespaced,
  k8sTokenCreate,
  k8sUnrecognisedAction,
  k8sWorkloadCreate,
  k8sWrite,
} from './kubernetes';

const rule = (actions: string[], scope: string, via = 'ClusterRoleBinding ops -> ClusterRole ops'): PermissionStatement => ({
  effect: 'Allow',
  actions,
  resources: [scope],
  via,
});

describe('k8s.cluster-admin', () => {
  it('fires for every verb on every resource in every group, cluster-wide, naming the binding', () => {
    expect(k8sClusterAdmin.judge([rule(['k8s:*/*:*'], '*', 'ClusterRoleBinding ops -> ClusterRole cluster-admin')])).toEqual([
      {
        rule: 'k8s.cluster-admin',
        level: 'ADMIN',
        evidence: 'every verb on every resource in every API group allowed on * via ClusterRoleBinding ops -> ClusterRole cluster-admin',
      },
    ]);
  });

  it('does not fire in one namespace, nor for every verb in the core group only', () => {
    expect(k8sClusterAdmin.judge([rule(['k8s:*/*:*'], 'namespaces/app')])).toEqual([]);
    expect(k8sClusterAdmin.judge([rule(['k8s:core/*:*'], '*')])).toEqual([]);
  });
});

describe('k8s.escalate-bind-impersonate', () => {
  it.each([
    'k8s:rbac.authorization.k8s.io/roles:escalate',
    'k8s:rbac.authorization.k8s.io/clusterroles:bind',
    'k8s:core/users:impersonate',
    'k8s:core/groups:impersonate',
    'k8s:core/serviceaccounts:impersonate',
  ])('fires for %s', (action) => {
    expect(k8sEscalateBindImpersonate.judge([rule([action], '*')])).toHaveLength(1);
  });

  it('does not fire for creating role bindings', () => {
    expect(k8sEscalateBindImpersonate.judge([rule(['k8s:rbac.authorization.k8s.io/rolebindings:create'], 'namespaces/app')])).toEqual([]);
  });
});

describe('secrets', () => {
  it('reading secrets cluster-wide is the HIGH rule, not the namespaced one', () => {
    const statements = [rule(['k8s:core/secrets:list'], '*')];
    expect(k8sSecretsClusterWide.judge(statements)).toHaveLength(1);
    expect(k8sSecretsNamespaced.judge(statements)).toEqual([]);
  });

  it('reading secrets in a namespace is the MEDIUM rule, naming the namespace', () => {
    const statements = [rule(['k8s:core/secrets:get'], 'namespaces/app', 'RoleBinding app/reader')];
    expect(k8sSecretsClusterWide.judge(statements)).toEqual([]);
    expect(k8sSecretsNamespaced.judge(statements).map((f) => f.evidence)).toEqual([
      'k8s:core/secrets:get allowed on namespaces/app via RoleBinding app/reader',
    ]);
  });
});

describe('workload and pod access', () => {
  it('fires for exec, attach, workloads and tokens in any namespace', () => {
    expect(k8sPodExec.judge([rule(['k8s:core/pods/attach:create'], 'namespaces/app')])).toHaveLength(1);
    expect(k8sWorkloadCreate.judge([rule(['k8s:batch/cronjobs:create'], 'namespaces/app')])).toHaveLength(1);
    expect(k8sWorkloadCreate.judge([rule(['k8s:apps/*:create'], 'namespaces/app')])).toHaveLength(1);
    expect(k8sTokenCreate.judge([rule(['k8s:core/serviceaccounts/token:create'], 'namespaces/app')])).toHaveLength(1);
  });

  it('does not fire for reading pods or deleting deployments', () => {
    expect(k8sPodExec.judge([rule(['k8s:core/pods:get'], '*')])).toEqual([]);
    expect(k8sWorkloadCreate.judge([rule(['k8s:apps/deployments:delete'], '*')])).toEqual([]);
  });

  it('counts nodes/proxy only cluster-wide (nodes are not namespaced)', () => {
    expect(k8sNodesProxy.judge([rule(['k8s:core/nodes/proxy:get'], '*')])).toHaveLength(1);
    expect(k8sNodesProxy.judge([rule(['k8s:core/nodes/proxy:get'], 'namespaces/app')])).toEqual([]);
  });
});

describe('k8s.write, k8s.read, unknown-action', () => {
  const statements = [
    rule(['k8s:core/configmaps:get', 'k8s:core/configmaps:update', 'deploy everything'], 'namespaces/app', 'RoleBinding app/cfg'),
  ];

  it('classes granted verbs as reads or changes', () => {
    expect(k8sRead.judge(statements).map((f) => f.evidence)).toEqual([
      'k8s:core/configmaps:get allowed on namespaces/app via RoleBinding app/cfg',
    ]);
    expect(k8sWrite.judge(statements).map((f) => f.evidence)).toEqual([
      'k8s:core/configmaps:update allowed on namespaces/app via RoleBinding app/cfg',
    ]);
    expect(k8sUnrecognisedAction.judge(statements).map((f) => f.evidence)).toEqual([
      'deploy everything allowed on namespaces/app via RoleBinding app/cfg',
    ]);
  });
});
