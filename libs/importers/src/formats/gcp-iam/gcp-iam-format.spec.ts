import { join } from 'node:path';
import { collect, fileInput, textInput } from '../shared/inputs';
import { gcpIamFormat } from './gcp-iam-format';

const fixture = (name: string) => fileInput(join(__dirname, '../../../fixtures/gcp', name));
const ALL = [
  'service-accounts.json',
  'deployer.keys.json',
  'my-project.policy.json',
  'deployer@my-project.iam.gserviceaccount.com.policy.json',
];

describe('gcp-iam', () => {
  it('gives an account with roles/owner, its user-managed keys only, and who may impersonate it', async () => {
    const { rows, problems } = await collect(gcpIamFormat.convert(ALL.map(fixture)));
    expect(problems).toEqual([]);
    expect(rows[0]).toEqual({
      provider: 'gcp',
      externalId: 'projects/my-project/serviceAccounts/deployer@my-project.iam.gserviceaccount.com',
      kind: 'gcp service account',
      name: 'Deployer',
      scopes: ['roles/owner on projects/my-project'],
      credentials: [
        // validBeforeTime 9999-12-31 is "never": no expiresAt. The SYSTEM_MANAGED key is Google's: left out.
        {
          type: 'SERVICE_ACCOUNT_KEY',
          externalId: '90c48f61c65cd56224a12ab18e6ee9ca9c3aee7c',
          status: 'ACTIVE',
          createdAt: '2021-06-29T17:24:56.000Z',
        },
        {
          type: 'SERVICE_ACCOUNT_KEY',
          externalId: '2a6b9d0c1e4f7a8b3c5d6e7f8091a2b3c4d5e6f7',
          status: 'INACTIVE',
          createdAt: '2023-02-01T00:00:00.000Z',
          expiresAt: '2025-02-01T00:00:00.000Z',
        },
      ],
      permissions: [
        {
          effect: 'Allow',
          actions: ['gcp:roles/owner'],
          resources: ['projects/my-project'],
          via: 'project my-project binding roles/owner',
        },
      ],
      // From the account's own policy (serviceAccountUser, tokenCreator to allAuthenticatedUsers as *), then the project's tokenCreator.
      trustedPrincipals: [
        'serviceAccount:123456789012-compute@developer.gserviceaccount.com',
        '*',
        'serviceAccount:token-minter@my-project.iam.gserviceaccount.com',
      ],
    });
  });

  it('gives an account holding serviceAccountTokenCreator on its project, and marks a disabled one and a conditional binding', async () => {
    const { rows } = await collect(gcpIamFormat.convert(ALL.map(fixture)));
    expect(rows[1]).toEqual({
      provider: 'gcp',
      externalId: 'projects/my-project/serviceAccounts/token-minter@my-project.iam.gserviceaccount.com',
      kind: 'gcp service account',
      credentials: [],
      name: 'Token minter',
      scopes: ['roles/iam.serviceAccountTokenCreator on projects/my-project'],
      permissions: [
        {
          effect: 'Allow',
          actions: ['gcp:roles/iam.serviceAccountTokenCreator'],
          resources: ['projects/my-project'],
          via: 'project my-project binding roles/iam.serviceAccountTokenCreator',
        },
      ],
    });
    expect(rows[2]).toMatchObject({
      name: 'My Service Account',
      tags: [{ key: 'disabled', value: 'true' }],
      scopes: ['roles/storage.objectViewer on projects/my-project (conditional)'],
      permissions: [
        {
          effect: 'Allow',
          actions: ['gcp:roles/storage.objectViewer'],
          resources: ['projects/my-project'],
          conditional: true,
          via: 'project my-project binding roles/storage.objectViewer',
        },
      ],
    });
  });

  it('grants a member of an account-level policy on that account', async () => {
    const { rows } = await collect(gcpIamFormat.convert(ALL.map(fixture)));
    expect(rows[3]!.permissions).toHaveLength(2);
    expect(rows[3]!.permissions).toEqual(
      expect.arrayContaining([
        {
          effect: 'Allow',
          actions: ['gcp:roles/iam.serviceAccountUser'],
          resources: ['projects/my-project/serviceAccounts/deployer@my-project.iam.gserviceaccount.com'],
          via: 'service account deployer@my-project.iam.gserviceaccount.com binding roles/iam.serviceAccountUser',
        },
        {
          effect: 'Allow',
          actions: ['gcp:roles/editor'],
          resources: ['projects/my-project'],
          via: 'project my-project binding roles/editor',
        },
      ]),
    );
  });

  it('tells the files apart by shape, in any order', async () => {
    const forward = await collect(gcpIamFormat.convert(ALL.map(fixture)));
    const backward = await collect(gcpIamFormat.convert([...ALL].reverse().map(fixture)));
    expect(backward.rows.map((row) => [row.externalId, row.credentials?.length ?? 0, row.permissions?.length ?? 0])).toEqual(
      forward.rows.map((row) => [row.externalId, row.credentials?.length ?? 0, row.permissions?.length ?? 0]),
    );
  });

  it('reads gcloud YAML and an asset search result, and never copies private key material', async () => {
    const yaml = [
      '---',
      'email: builder@other-proj.iam.gserviceaccount.com',
      'name: projects/other-proj/serviceAccounts/builder@other-proj.iam.gserviceaccount.com',
      'projectId: other-proj',
      'uniqueId: "998877665544332211000"',
      '---',
      'keyType: USER_MANAGED',
      'name: projects/other-proj/serviceAccounts/builder@other-proj.iam.gserviceaccount.com/keys/0a1b2c3d',
      'privateKeyData: UFJJVkFURS1LRVktTUFURVJJQUwtTk9ULVJFQUw=',
      'validAfterTime: "2024-01-02T03:04:05Z"',
    ].join('\n');
    const search = JSON.stringify([
      {
        resource: '//iam.googleapis.com/projects/other-proj/serviceAccounts/998877665544332211000',
        project: 'projects/123',
        policy: {
          bindings: [
            {
              role: 'roles/iam.workloadIdentityUser',
              members: ['principalSet://iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/gh/*'],
            },
          ],
        },
      },
    ]);
    const { rows, problems } = await collect(gcpIamFormat.convert([textInput('builder.yaml', yaml), textInput('search.json', search)]));
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      {
        provider: 'gcp',
        externalId: 'projects/other-proj/serviceAccounts/builder@other-proj.iam.gserviceaccount.com',
        kind: 'gcp service account',
        name: 'builder@other-proj.iam.gserviceaccount.com',
        credentials: [{ type: 'SERVICE_ACCOUNT_KEY', externalId: '0a1b2c3d', status: 'ACTIVE', createdAt: '2024-01-02T03:04:05.000Z' }],
        trustedPrincipals: ['principalSet://iam.googleapis.com/projects/123/locations/global/workloadIdentityPools/gh/*'],
      },
    ]);
    expect(JSON.stringify(rows)).not.toContain('UFJJVkFURS1LRVktTUFURVJJQUwtTk9ULVJFQUw=');
  });

  it('names broken input by location: an unnamed policy, a binding without a role, a key file, keys of an account not listed', async () => {
    const keyFile = JSON.stringify({
      type: 'service_account',
      project_id: 'p',
      private_key_id: 'x',
      private_key: '-----BEGIN PRIVATE KEY-----\nNOT-REAL\n-----END PRIVATE KEY-----\n',
    });
    const { rows, problems } = await collect(
      gcpIamFormat.convert([
        textInput('policy.json', JSON.stringify({ bindings: [{ role: 'roles/viewer', members: ['user:a@example.com'] }], etag: 'x' })),
        textInput(
          'p-1234.policy.json',
          JSON.stringify({ bindings: [{ members: ['user:a@example.com'] }, { role: 'roles/viewer', members: [] }] }),
        ),
        textInput('key.json', keyFile),
        fixture('deployer.keys.json'),
        textInput('list.json', '[{"email": "no-name"}, 42]'),
      ]),
    );
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      {
        location: 'policy.json',
        problem:
          'cannot tell which resource the policy is set on: name the file <project-id>.policy.json or <account email>.policy.json, or wrap it as {"resource": ..., "policy": ...}; skipped',
      },
      { location: 'p-1234.policy.json', problem: 'bindings[0] has no role or no members; skipped' },
      { location: 'p-1234.policy.json', problem: 'bindings[1] has no role or no members; skipped' },
      {
        location: 'key.json',
        problem:
          'is a service account key file, with private key material: not read (pass `gcloud iam service-accounts keys list` output instead)',
      },
      { location: 'list.json: [0]', problem: 'is not a service account, a service account key or an IAM policy; skipped' },
      { location: 'list.json: [1]', problem: 'is not a service account, a service account key or an IAM policy; skipped' },
      {
        location: 'deployer.keys.json: [0]',
        problem: '2 user-managed key(s) of a service account that is not in the service-account lists; not imported',
      },
    ]);
    expect(JSON.stringify(problems)).not.toContain('PRIVATE KEY');
  });
});
