import { judgeFixtures, type Judged } from './import-table.fixture-run';

/**
 * The importers' fixtures (built from the providers' documented examples)
 * through the converters, the row checks, the merge and the finding rules, as
 * an ingest runs them: for each principal the privilege level, the rules that
 * set it, the credentials it holds and its findings. A change in a converter,
 * a privilege rule or a finding rule shows here as the principal it changes.
 */
const TABLE: Array<[key: string, level: string | null, rules: string[], credentials: string[], findings: string[]]> = [
  [
    'aws arn:aws:iam::123456789012:user/alice',
    'ADMIN',
    ['aws.managed-policy'],
    ['PASSWORD password ACTIVE'],
    [
      'ADMIN_OR_WILDCARD_SCOPES',
      'CONSOLE_PASSWORD (password password)',
      'CREDENTIAL_TOO_OLD (password password)',
      'HUMAN_USE',
      'UNUSED_ADMIN',
      'UNUSED_CREDENTIAL (password password)',
    ],
  ],
  [
    'aws arn:aws:iam::123456789012:user/bob',
    'ADMIN',
    ['aws.managed-policy'],
    ['ACCESS_KEY access_key_1 ACTIVE', 'PASSWORD password ACTIVE'],
    [
      'ADMIN_OR_WILDCARD_SCOPES',
      'CONSOLE_PASSWORD (password password)',
      'CREDENTIAL_TOO_OLD (password password)',
      'KEY_NOT_ROTATED (access key access_key_1)',
      'UNUSED_ADMIN',
      'UNUSED_CREDENTIAL (access key access_key_1)',
    ],
  ],
  [
    'aws arn:aws:iam::123456789012:user/charlie',
    'HIGH',
    ['aws.managed-policy'],
    ['ACCESS_KEY access_key_1 INACTIVE', 'ACCESS_KEY access_key_2 ACTIVE'],
    ['KEY_NOT_ROTATED (access key access_key_2)', 'UNUSED_CREDENTIAL (access key access_key_2)', 'UNUSED_IDENTITY'],
  ],
  [
    'aws arn:aws:iam::123456789012:user/service/ci-deployer',
    'ADMIN',
    ['aws.privilege-escalation'],
    ['ACCESS_KEY access_key_1 ACTIVE', 'ACCESS_KEY access_key_2 ACTIVE', 'CERTIFICATE cert_1 ACTIVE'],
    [
      'ADMIN_OR_WILDCARD_SCOPES',
      'KEY_NOT_ROTATED (access key access_key_1)',
      'KEY_NOT_ROTATED (access key access_key_2)',
      'UNUSED_ADMIN',
      'UNUSED_CREDENTIAL (access key access_key_1)',
      'UNUSED_CREDENTIAL (access key access_key_2)',
    ],
  ],
  [
    'aws arn:aws:iam::123456789012:user/service/key-rotator',
    'ADMIN',
    ['aws.privilege-escalation'],
    ['ACCESS_KEY access_key_1 ACTIVE', 'CERTIFICATE cert_2 INACTIVE'],
    ['ADMIN_OR_WILDCARD_SCOPES', 'KEY_NOT_ROTATED (access key access_key_1)', 'UNUSED_CREDENTIAL (access key access_key_1)'],
  ],
  ['aws arn:aws:iam::123456789012:role/ec2role', 'HIGH', ['aws.managed-policy'], [], []],
  [
    'aws arn:aws:iam::123456789012:role/legacy-etl',
    'ADMIN',
    ['aws.privilege-escalation'],
    [],
    ['ADMIN_OR_WILDCARD_SCOPES', 'UNUSED_ADMIN'],
  ],
  [
    'aws arn:aws:iam::123456789012:role/break-glass-admin',
    'ADMIN',
    ['aws.managed-policy'],
    [],
    ['ADMIN_OR_WILDCARD_SCOPES', 'UNUSED_ADMIN'],
  ],
  ['aws arn:aws:iam::123456789012:role/public-assume', 'LOW', ['aws.read'], [], ['TRUST_OPEN_TO_ANYONE', 'UNUSED_IDENTITY']],
  [
    'aws arn:aws:iam::123456789012:role/vendor-audit',
    'HIGH',
    ['aws.almost-all-actions', 'aws.broad-data-read', 'aws.broad-secret-read', 'aws.compute-takeover'],
    [],
    ['TRUST_FOREIGN_ACCOUNT', 'UNUSED_IDENTITY'],
  ],
  [
    'aws arn:aws:iam::123456789012:role/aws-service-role/support.amazonaws.com/awsserviceroleforsupport',
    'MEDIUM',
    ['aws.unknown-managed-policy'],
    [],
    ['UNUSED_IDENTITY'],
  ],
  [
    'kubernetes prod/namespaces/kube-system/serviceaccounts/default',
    'ADMIN',
    ['k8s.cluster-admin', 'k8s.escalate-bind-impersonate'],
    [],
    ['ADMIN_OR_WILDCARD_SCOPES', 'CLUSTER_ADMIN_BINDING'],
  ],
  [
    'kubernetes prod/namespaces/ops/serviceaccounts/ci-deployer',
    'ADMIN',
    ['k8s.cluster-admin', 'k8s.escalate-bind-impersonate'],
    [],
    ['ADMIN_OR_WILDCARD_SCOPES', 'CLUSTER_ADMIN_BINDING'],
  ],
  [
    'kubernetes prod/namespaces/my-namespace/serviceaccounts/my-sa',
    'ADMIN',
    ['k8s.escalate-bind-impersonate'],
    [],
    ['ADMIN_OR_WILDCARD_SCOPES'],
  ],
  [
    'kubernetes prod/namespaces/default/serviceaccounts/build-robot',
    'MEDIUM',
    ['unknown-action'],
    ['TOKEN build-robot-secret ACTIVE'],
    [
      'CREDENTIAL_TOO_OLD (token build-robot-secret)',
      'NO_EXPIRY (token build-robot-secret)',
      'UNUSED_CREDENTIAL (token build-robot-secret)',
    ],
  ],
  ['kubernetes prod/namespaces/monitoring/serviceaccounts/prometheus', 'LOW', ['k8s.read'], [], []],
  ['kubernetes prod/namespaces/ops/serviceaccounts/secret-reader', 'HIGH', ['k8s.secrets-cluster-wide'], [], []],
  ['kubernetes prod/namespaces/apps/serviceaccounts/ns-secret-reader', 'MEDIUM', ['k8s.secrets-namespaced'], [], []],
  ['kubernetes prod/namespaces/apps/serviceaccounts/exec-bot', 'HIGH', ['k8s.pod-exec'], [], []],
  ['kubernetes prod/namespaces/apps/serviceaccounts/deployer', 'HIGH', ['k8s.workload-create'], [], []],
  [
    'kubernetes prod/namespaces/ops/serviceaccounts/impersonator',
    'ADMIN',
    ['k8s.escalate-bind-impersonate'],
    [],
    ['ADMIN_OR_WILDCARD_SCOPES'],
  ],
  ['kubernetes prod/namespaces/ops/serviceaccounts/token-minter', 'HIGH', ['k8s.token-create'], [], []],
  ['kubernetes prod/namespaces/monitoring/serviceaccounts/node-proxy', 'HIGH', ['k8s.nodes-proxy'], [], []],
  ['kubernetes prod/namespaces/apps/serviceaccounts/dashboard-viewer', 'LOW', ['k8s.read'], [], []],
  [
    'kubernetes prod/namespaces/apps/serviceaccounts/ci-editor',
    'ADMIN',
    ['k8s.escalate-bind-impersonate'],
    [],
    ['ADMIN_OR_WILDCARD_SCOPES'],
  ],
  [
    'gcp projects/my-project/serviceaccounts/deployer@my-project.iam.gserviceaccount.com',
    'ADMIN',
    ['gcp.owner'],
    [
      'SERVICE_ACCOUNT_KEY 2a6b9d0c1e4f7a8b3c5d6e7f8091a2b3c4d5e6f7 INACTIVE',
      'SERVICE_ACCOUNT_KEY 90c48f61c65cd56224a12ab18e6ee9ca9c3aee7c ACTIVE',
    ],
    [
      'ADMIN_OR_WILDCARD_SCOPES',
      'KEY_NOT_ROTATED (service account key 90c48f61c65cd56224a12ab18e6ee9ca9c3aee7c)',
      'NO_EXPIRY (service account key 90c48f61c65cd56224a12ab18e6ee9ca9c3aee7c)',
      'TRUST_OPEN_TO_ANYONE',
    ],
  ],
  [
    'gcp projects/my-project/serviceaccounts/token-minter@my-project.iam.gserviceaccount.com',
    'ADMIN',
    ['gcp.iam-escalation'],
    [],
    ['ADMIN_OR_WILDCARD_SCOPES'],
  ],
  ['gcp projects/my-project/serviceaccounts/my-service-account@my-project.iam.gserviceaccount.com', 'LOW', ['gcp.viewer'], [], []],
  [
    'gcp projects/my-project/serviceaccounts/123456789012-compute@developer.gserviceaccount.com',
    'HIGH',
    ['gcp.editor', 'gcp.iam-escalation-scoped'],
    [],
    [],
  ],
  [
    'azure 3f8e6b2a-5c4d-4e3f-8a9b-0c1d2e3f4a5b',
    'LOW',
    ['azure.reader'],
    [
      'CERTIFICATE 5c2a4d8e-1b3f-4a6c-9e7d-2f1b3a5c7d9e ACTIVE',
      'CLIENT_SECRET 2b4d6f8a-0c1e-4a3b-9d5f-7a9c1e3b5d7f ACTIVE',
      'CLIENT_SECRET f0b0b335-1d71-4883-8f98-567911bfdca6 ACTIVE',
    ],
    [],
  ],
  ['azure 7e1f0c2d-3b4a-4c5d-8e6f-9a0b1c2d3e4f', null, [], [], []],
  ['azure 9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', 'HIGH', ['azure.contributor'], [], []],
  ['azure 1c2d3e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f', 'LOW', ['azure.reader'], [], []],
  ['azure 5e6f7a8b-9c0d-4e1f-8a2b-3c4d5e6f7a8b', null, [], [], []],
  ['azure 6d7e8f9a-0b1c-4d2e-8f3a-4b5c6d7e8f9a', 'HIGH', ['azure.key-vault-secrets'], [], []],
  ['github installations/25381', 'MEDIUM', ['github.write'], [], []],
  ['github installations/31415', 'ADMIN', ['github.admin'], [], ['ADMIN_OR_WILDCARD_SCOPES']],
  ['github installations/27182', 'MEDIUM', ['github.write'], [], []],
  [
    'github personal-access-tokens/25381',
    'LOW',
    ['github.read'],
    ['TOKEN 98716 ACTIVE'],
    ['UNUSED_CREDENTIAL (token 98716)', 'UNUSED_IDENTITY'],
  ],
  ['github personal-access-tokens/25382', 'HIGH', ['github.code-write'], ['TOKEN 98717 EXPIRED'], ['UNUSED_IDENTITY']],
  [
    'github repos/octocat/hello-world/keys/1',
    'LOW',
    ['github.read'],
    ['SSH_KEY 1 ACTIVE'],
    ['CREDENTIAL_TOO_OLD (ssh key 1)', 'UNUSED_CREDENTIAL (ssh key 1)', 'UNUSED_IDENTITY'],
  ],
  [
    'github repos/octocat/hello-world/keys/2',
    'HIGH',
    ['github.deploy-key-write'],
    ['SSH_KEY 2 ACTIVE'],
    ['CREDENTIAL_TOO_OLD (ssh key 2)', 'UNUSED_CREDENTIAL (ssh key 2)', 'UNUSED_IDENTITY'],
  ],
];

let judged: Map<string, Judged>;

beforeAll(async () => {
  judged = await judgeFixtures();
});

describe('the import table: 42 principals across AWS, Kubernetes, GCP, Azure and GitHub', () => {
  it('has every principal of the fixtures, and no other', () => {
    expect([...judged.keys()].sort()).toEqual(TABLE.map(([key]) => key).sort());
  });

  it.each(TABLE)('%s', (key, level, rules, credentials, findings) => {
    expect(judged.get(key)).toEqual({ level, rules, credentials, findings });
  });
});
