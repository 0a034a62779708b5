import { join } from 'node:path';
import { collect, fileInput, textInput } from '../shared/inputs';
import { createK8sRbacFormat, k8sRbacFormat } from './k8s-rbac-format';

const fixture = (name: string) => fileInput(join(__dirname, '../../../fixtures/k8s', name));

describe('k8s-rbac', () => {
  it('turns a kubectl List into one row per ServiceAccount, with the grants of every binding that names it', async () => {
    const { rows } = await collect(k8sRbacFormat.convert([fixture('cluster.json')]));
    expect(rows.map((row) => row.externalId)).toEqual([
      'namespaces/kube-system/serviceaccounts/default',
      'namespaces/ops/serviceaccounts/ci-deployer',
      'namespaces/my-namespace/serviceaccounts/my-sa',
      'namespaces/default/serviceaccounts/build-robot',
    ]);
  });

  it('grants a ClusterRole of * verbs on * resources in * groups cluster-wide, and passes labels and owner annotations as tags', async () => {
    const { rows } = await collect(k8sRbacFormat.convert([fixture('cluster.json')]));
    expect(rows.find((row) => row.name === 'ops/ci-deployer')).toEqual({
      provider: 'kubernetes',
      externalId: 'namespaces/ops/serviceaccounts/ci-deployer',
      kind: 'serviceaccount',
      credentials: [],
      name: 'ops/ci-deployer',
      createdAt: '2024-05-14T12:30:00.000Z',
      scopes: ['ClusterRole ops-admin (cluster-wide)'],
      tags: [
        { key: 'app.kubernetes.io/managed-by', value: 'Helm' },
        { key: 'app.kubernetes.io/part-of', value: 'delivery' },
        { key: 'team', value: 'platform' },
        { key: 'meta.helm.sh/release-name', value: 'delivery' },
        { key: 'example.com/owner', value: 'team-platform' },
      ],
      // The nonResourceURLs rule is not about objects: left out.
      permissions: [
        { effect: 'Allow', actions: ['k8s:*/*:*'], resources: ['*'], via: 'ClusterRoleBinding ops-admins -> ClusterRole ops-admin' },
      ],
    });
  });

  it('resolves the built-in cluster-admin from the shipped default rules when the export lacks it', async () => {
    const { rows } = await collect(k8sRbacFormat.convert([fixture('cluster.json')]));
    expect(rows.find((row) => row.name === 'kube-system/default')).toEqual({
      provider: 'kubernetes',
      externalId: 'namespaces/kube-system/serviceaccounts/default',
      kind: 'serviceaccount',
      credentials: [],
      name: 'kube-system/default',
      createdAt: '2024-03-01T09:00:00.000Z',
      scopes: ['ClusterRole cluster-admin (cluster-wide)'],
      permissions: [
        {
          effect: 'Allow',
          actions: ['k8s:*/*:*'],
          resources: ['*'],
          via: 'ClusterRoleBinding add-on-cluster-admin -> ClusterRole cluster-admin (default rules)',
        },
      ],
    });
  });

  it('grants a ClusterRole through a RoleBinding only in the binding namespace, with the groups of the namespace accounts', async () => {
    const { rows } = await collect(k8sRbacFormat.convert([fixture('cluster.json')]));
    const mySa = rows.find((row) => row.name === 'my-namespace/my-sa')!;
    expect(mySa.scopes).toEqual([
      'ClusterRole edit in namespaces/my-namespace',
      'Role pod-reader in namespaces/my-namespace',
      'ClusterRole view in namespaces/my-namespace',
    ]);
    expect(new Set(mySa.permissions!.flatMap((statement) => statement.resources))).toEqual(new Set(['namespaces/my-namespace']));
    const viaEdit = mySa.permissions!.filter(
      (statement) => statement.via === 'RoleBinding my-namespace/my-sa-edit -> ClusterRole edit (default rules)',
    );
    const editActions = viaEdit.flatMap((statement) => statement.actions!);
    expect(editActions).toEqual(
      expect.arrayContaining(['k8s:core/secrets:create', 'k8s:core/pods/exec:create', 'k8s:apps/deployments:update', 'k8s:core/pods:list']),
    );
    expect(editActions).not.toContain('k8s:rbac.authorization.k8s.io/roles:create');
    // The Role's subject has no namespace: a RoleBinding's ServiceAccount is then in the binding's.
    expect(mySa.permissions).toContainEqual({
      effect: 'Allow',
      actions: ['k8s:core/pods:get', 'k8s:core/pods:watch', 'k8s:core/pods:list'],
      resources: ['namespaces/my-namespace'],
      via: 'RoleBinding my-namespace/read-pods -> Role pod-reader',
    });
  });

  it('lists legacy token Secrets as TOKEN credentials, never their data, and notes automountServiceAccountToken', async () => {
    const { rows } = await collect(k8sRbacFormat.convert([fixture('cluster.json')]));
    expect(rows.find((row) => row.name === 'default/build-robot')).toEqual({
      provider: 'kubernetes',
      externalId: 'namespaces/default/serviceaccounts/build-robot',
      kind: 'serviceaccount',
      name: 'default/build-robot',
      createdAt: '2023-11-20T16:45:00.000Z',
      scopes: ['automountServiceAccountToken: false'],
      credentials: [
        {
          type: 'TOKEN',
          externalId: 'build-robot-secret',
          status: 'ACTIVE',
          createdAt: '2023-11-20T16:46:00.000Z',
          lastUsedAt: '2024-02-10T00:00:00.000Z',
        },
      ],
    });
    const text = JSON.stringify(rows);
    for (const secret of [
      'Tk9ULUEtUkVBTC1UT0tFTi1GSVhUVVJFLU9OTFk=',
      'Tk9UIEEgUkVBTCBDRVJUSUZJQ0FURQ==',
      'last-applied-configuration',
      'db-password',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('names bindings to roles nowhere to be found, and tokens of accounts not exported', async () => {
    const { problems } = await collect(k8sRbacFormat.convert([fixture('cluster.json')]));
    expect(problems).toEqual([
      {
        location: 'cluster.json: items[18] (RoleBinding)',
        problem: 'roleRef names a ClusterRole that is neither in the export nor a default role; its grants are not imported',
      },
      {
        location: 'cluster.json: items[6] (Secret)',
        problem: 'a service-account token for a ServiceAccount that is not in the export; not imported',
      },
    ]);
  });

  it('reads several files together: YAML manifests, aggregated ClusterRoles and a label that extends the default edit', async () => {
    const { rows, problems } = await collect(k8sRbacFormat.convert([fixture('cluster.json'), fixture('manifests.yaml')]));
    expect(problems).toHaveLength(2);
    expect(rows.find((row) => row.name === 'monitoring/prometheus')).toEqual({
      provider: 'kubernetes',
      externalId: 'namespaces/monitoring/serviceaccounts/prometheus',
      kind: 'serviceaccount',
      credentials: [],
      name: 'monitoring/prometheus',
      scopes: ['ClusterRole monitoring (cluster-wide)'],
      tags: [
        { key: 'app.kubernetes.io/name', value: 'prometheus' },
        { key: 'app.kubernetes.io/part-of', value: 'observability' },
      ],
      permissions: [
        {
          effect: 'Allow',
          actions: [
            'k8s:core/services:get',
            'k8s:core/services:list',
            'k8s:core/services:watch',
            'k8s:core/endpointslices:get',
            'k8s:core/endpointslices:list',
            'k8s:core/endpointslices:watch',
            'k8s:core/pods:get',
            'k8s:core/pods:list',
            'k8s:core/pods:watch',
          ],
          resources: ['*'],
          via: 'ClusterRoleBinding prometheus-monitoring -> ClusterRole monitoring',
        },
      ],
    });
    const mySa = rows.find((row) => row.name === 'my-namespace/my-sa')!;
    expect(mySa.permissions).toContainEqual({
      effect: 'Allow',
      actions: ['get', 'list', 'watch', 'create', 'update', 'patch', 'delete'].map((verb) => `k8s:stable.example.com/crontabs:${verb}`),
      resources: ['namespaces/my-namespace'],
      via: 'RoleBinding my-namespace/my-sa-edit -> ClusterRole edit (default rules)',
    });
  });

  it('names what is wrong in broken manifests, by document, and goes on', async () => {
    const { rows, problems } = await collect(k8sRbacFormat.convert([fixture('broken.yaml')]));
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      { location: 'broken.yaml: document 1 (RoleBinding)', problem: 'roleRef is missing or is not a Role or ClusterRole; skipped' },
      {
        location: 'broken.yaml: document 4 (Secret)',
        problem: 'a service-account token Secret without the kubernetes.io/service-account.name annotation; skipped',
      },
      { location: 'broken.yaml: document 5 [0]', problem: 'is not an object; skipped' },
      { location: 'broken.yaml: document 5 [1]', problem: 'is not an object; skipped' },
      {
        location: 'broken.yaml: document 3 (ClusterRoleBinding)',
        problem: 'subjects[0] is a ServiceAccount without a namespace; it grants nothing',
      },
      { location: 'broken.yaml: document 2 (ServiceAccount)', problem: 'has no metadata.name; skipped' },
    ]);
  });

  it('names a document that is not YAML by its line, never quoting it, and reads the others', async () => {
    const yaml = [
      'kind: ServiceAccount',
      'metadata: {name: first, namespace: a}',
      '---',
      'kind: ServiceAccount',
      'metadata: { name: [s3cr3t',
      '---',
      'kind: ServiceAccount',
      'metadata: {name: third, namespace: a}',
    ].join('\n');
    const { rows, problems } = await collect(k8sRbacFormat.convert([textInput('m.yaml', yaml)]));
    expect(rows.map((row) => row.name)).toEqual(['a/first', 'a/third']);
    expect(problems).toEqual([
      { location: 'm.yaml: document 2', problem: expect.stringMatching(/^not valid YAML at line \d+ of the file$/) },
    ]);
    expect(JSON.stringify(problems)).not.toContain('s3cr3t');
  });

  it('grants to every ServiceAccount through system:serviceaccounts, and to one through its user name', async () => {
    const yaml = [
      'kind: ServiceAccount',
      'apiVersion: v1',
      'metadata: {name: worker, namespace: jobs}',
      '---',
      'kind: ClusterRoleBinding',
      'apiVersion: rbac.authorization.k8s.io/v1',
      'metadata: {name: permissive-binding}',
      'roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: cluster-admin}',
      'subjects:',
      '- {apiGroup: rbac.authorization.k8s.io, kind: User, name: admin}',
      '- {apiGroup: rbac.authorization.k8s.io, kind: Group, name: "system:serviceaccounts"}',
      '---',
      'kind: RoleBinding',
      'apiVersion: rbac.authorization.k8s.io/v1',
      'metadata: {name: by-user-name, namespace: jobs}',
      'roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: view}',
      'subjects: [{kind: User, name: "system:serviceaccount:jobs:worker"}]',
    ].join('\n');
    const { rows } = await collect(createK8sRbacFormat({ cluster: 'prod-eu' }).convert([textInput('standard input', yaml)]));
    expect(rows).toHaveLength(1);
    expect(rows[0]!.externalId).toBe('prod-eu/namespaces/jobs/serviceaccounts/worker');
    expect(rows[0]!.scopes).toEqual(['ClusterRole view in namespaces/jobs', 'ClusterRole cluster-admin (cluster-wide)']);
  });

  it('reads a kubectl List written as YAML, and keeps tags within the row limits', async () => {
    const labels = Array.from({ length: 102 }, (_, i) => `      l${i}: v`).join('\n');
    const yaml = `apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: ServiceAccount\n  metadata:\n    name: many-labels\n    namespace: default\n    labels:\n${labels}\n      ${'k'.repeat(129)}: v\n`;
    const { rows, problems } = await collect(k8sRbacFormat.convert([textInput('sa.yaml', yaml)]));
    expect(rows[0]!.tags).toHaveLength(100);
    expect(problems).toEqual([
      {
        location: 'sa.yaml: document 1 items[0] (ServiceAccount)',
        problem: '1 tag(s) left out: key longer than 128 or value longer than 500 characters',
      },
      { location: 'sa.yaml: document 1 items[0] (ServiceAccount)', problem: '2 tag(s) left out: a row holds at most 100 tags' },
    ]);
  });
});
