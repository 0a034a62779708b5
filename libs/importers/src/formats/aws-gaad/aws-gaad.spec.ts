import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ImportInput, ImportProblem, ImportRow } from '../../import-row';
import { fileInput, textInput } from '../../streaming/inputs';
import { awsGaadFormat } from './aws-gaad.format';

const FIXTURES = join(__dirname, '../../../fixtures/aws');
const fixture = (name: string) => fileInput(join(FIXTURES, name));
const fixtureText = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const ACCOUNT = 'arn:aws:iam::123456789012';

async function convert(...inputs: ImportInput[]): Promise<{ rows: ImportRow[]; problems: ImportProblem[] }> {
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  for await (const item of awsGaadFormat.convert(inputs)) {
    if ('row' in item) rows.push(item.row);
    else problems.push(item.problem);
  }
  return { rows, problems };
}

const named = (rows: ImportRow[], name: string) => rows.find((row) => row.name === name);

/** A one-page export holding the given lists. */
const gaad = (lists: Record<string, unknown>) => textInput('gaad.json', JSON.stringify({ IsTruncated: false, ...lists }));

describe('aws-gaad on the fixtures (the CLI reference example, extended)', () => {
  let result: { rows: ImportRow[]; problems: ImportProblem[] };
  beforeAll(async () => (result = await convert(fixture('gaad.json'))));

  it('gives one row per user and per role, users first as the file lists them, and no problems', () => {
    expect(result.problems).toEqual([]);
    expect(result.rows.map((row) => `${row.kind} ${row.name}`)).toEqual([
      'aws iam user Alice',
      'aws iam user Bob',
      'aws iam user Charlie',
      'aws iam user ci-deployer',
      'aws iam user key-rotator',
      'aws iam role EC2role',
      'aws iam role legacy-etl',
      'aws iam role break-glass-admin',
      'aws iam role public-assume',
      'aws iam role vendor-audit',
      'aws iam role AWSServiceRoleForSupport',
    ]);
  });

  it('a user with a CreateAccessKey-only inline policy and a customer managed policy from the Policies list', () => {
    expect(named(result.rows, 'key-rotator')).toEqual({
      provider: 'aws',
      externalId: `${ACCOUNT}:user/service/key-rotator`,
      kind: 'aws iam user',
      name: 'key-rotator',
      createdAt: '2022-05-05T05:05:05.000Z',
      scopes: ['inline policy create-access-key', 'managed policy S3-read-only-specific-bucket'],
      tags: [{ key: 'Owner', value: 'security@example.com' }],
      permissions: [
        { effect: 'Allow', actions: ['iam:CreateAccessKey'], resources: ['*'], via: 'inline policy create-access-key' },
        {
          effect: 'Allow',
          actions: ['s3:Get*', 's3:List*'],
          resources: ['arn:aws:s3:::example-bucket', 'arn:aws:s3:::example-bucket/*'],
          via: 'managed policy S3-read-only-specific-bucket',
        },
      ],
    });
  });

  it('a user with an AttachUserPolicy-only inline policy, a group inline policy, a boundary and owner tags; no credentials', () => {
    expect(named(result.rows, 'ci-deployer')).toEqual({
      provider: 'aws',
      externalId: `${ACCOUNT}:user/service/ci-deployer`,
      kind: 'aws iam user',
      name: 'ci-deployer',
      createdAt: '2021-03-01T10:00:00.000Z',
      scopes: [
        'inline policy attach-user-policy',
        'group Finance',
        'group Finance: inline policy policygen-201310141157',
        'permissions boundary ci-boundary (not evaluated)',
      ],
      tags: [
        { key: 'Owner', value: 'platform-team@example.com' },
        { key: 'Team', value: 'platform' },
        { key: 'CostCenter', value: '4711' },
      ],
      permissions: [
        { effect: 'Allow', actions: ['iam:AttachUserPolicy'], resources: [`${ACCOUNT}:user/*`], via: 'inline policy attach-user-policy' },
        { effect: 'Allow', actions: ['aws-portal:*'], resources: ['*'], via: 'group Finance: inline policy policygen-201310141157' },
      ],
    });
  });

  it("a user's Deny statement, and AdministratorAccess through a group by ARN only (the group lists it as one object)", () => {
    expect(named(result.rows, 'Bob')).toEqual({
      provider: 'aws',
      externalId: `${ACCOUNT}:user/Bob`,
      kind: 'aws iam user',
      name: 'Bob',
      createdAt: '2013-10-14T18:32:25.000Z',
      scopes: ['inline policy DenyBillingAndIAMPolicy', 'group Admins', 'group Admins: managed policy AdministratorAccess'],
      permissions: [
        { effect: 'Deny', actions: ['aws-portal:*', 'iam:*'], resources: ['*'], via: 'inline policy DenyBillingAndIAMPolicy' },
        {
          effect: 'Allow',
          managedPolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess',
          via: 'group Admins: managed policy AdministratorAccess',
        },
      ],
    });
  });

  it('an admin role never used (RoleLastUsed empty: null), AdministratorAccess by ARN only, a conditional trust', () => {
    expect(named(result.rows, 'break-glass-admin')).toEqual({
      provider: 'aws',
      externalId: `${ACCOUNT}:role/break-glass-admin`,
      kind: 'aws iam role',
      name: 'break-glass-admin',
      createdAt: '2020-06-01T12:00:00.000Z',
      lastUsedAt: null,
      scopes: ['managed policy AdministratorAccess', 'trust policy with conditions (not evaluated)'],
      tags: [{ key: 'Owner', value: 'security@example.com' }],
      credentials: [],
      permissions: [
        { effect: 'Allow', managedPolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess', via: 'managed policy AdministratorAccess' },
      ],
      trustedPrincipals: [`${ACCOUNT}:root`],
    });
  });

  it('a role last used in 2019, with the statements of a managed policy from the Policies list', () => {
    const row = named(result.rows, 'legacy-etl');
    expect(row?.lastUsedAt).toBe('2019-03-14T09:12:44.000Z');
    expect(row?.trustedPrincipals).toEqual(['glue.amazonaws.com']);
    expect(row?.permissions).toEqual([
      expect.objectContaining({ effect: 'Allow', resources: ['*'], via: 'managed policy create-update-delete-set-managed-policies' }),
    ]);
    expect(row?.permissions?.[0].actions).toContain('iam:CreatePolicyVersion');
  });

  it('a role anyone may assume (Principal *), with a statement under a Condition', () => {
    expect(named(result.rows, 'public-assume')).toEqual({
      provider: 'aws',
      externalId: `${ACCOUNT}:role/public-assume`,
      kind: 'aws iam role',
      name: 'public-assume',
      createdAt: '2021-01-15T08:00:00.000Z',
      lastUsedAt: '2024-11-02T16:45:00.000Z',
      scopes: ['inline policy read-reports-from-office'],
      credentials: [],
      permissions: [
        {
          effect: 'Allow',
          actions: ['s3:GetObject'],
          resources: ['arn:aws:s3:::example-reports/*'],
          conditional: true,
          via: 'inline policy read-reports-from-office',
        },
      ],
      trustedPrincipals: ['*'],
    });
  });

  it("a role a foreign account may assume, with the default version's NotAction and Deny (not the older version's *)", () => {
    const row = named(result.rows, 'vendor-audit');
    expect(row?.trustedPrincipals).toEqual(['arn:aws:iam::444455556666:root']);
    expect(row?.permissions).toEqual([
      { effect: 'Allow', notActions: ['iam:*', 'organizations:*'], resources: ['*'], via: 'managed policy all-but-iam' },
      { effect: 'Deny', actions: ['s3:DeleteBucket'], resources: ['*'], via: 'managed policy all-but-iam' },
    ]);
    expect(row?.tags).toEqual([
      { key: 'Owner', value: 'vendor-management@example.com' },
      { key: 'CostCenter', value: '4711' },
    ]);
  });

  it('the CLI example role: AmazonSSMManagedInstanceCore by ARN only, its instance profile; no RoleLastUsed, so no last use', () => {
    const row = named(result.rows, 'EC2role');
    expect(row?.scopes).toEqual([
      'managed policy AmazonS3FullAccess',
      'managed policy AmazonDynamoDBFullAccess',
      'managed policy AmazonSSMManagedInstanceCore',
      'instance profile EC2role',
    ]);
    expect(row?.permissions).toContainEqual({
      effect: 'Allow',
      managedPolicyArn: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore',
      via: 'managed policy AmazonSSMManagedInstanceCore',
    });
    expect(row).not.toHaveProperty('lastUsedAt');
    expect(row?.credentials).toEqual([]);
  });

  it('marks a service-linked role with a scope line', () => {
    expect(named(result.rows, 'AWSServiceRoleForSupport')?.scopes?.[0]).toBe(
      'service-linked role (path /aws-service-role/, managed by AWS)',
    );
    expect(result.rows.filter((row) => row.scopes?.some((s) => s.startsWith('service-linked role')))).toHaveLength(1);
  });

  it('reads the raw API form (URL-encoded documents) to the same rows', async () => {
    expect(await convert(fixture('gaad-url-encoded.json'))).toEqual(result);
  });

  it('reads documents given as plain JSON strings to the same statements', async () => {
    const bob = JSON.parse(fixtureText('gaad.json')).UserDetailList[1];
    bob.UserPolicyList[0].PolicyDocument = JSON.stringify(bob.UserPolicyList[0].PolicyDocument);
    const { rows } = await convert(gaad({ UserDetailList: [bob] }));
    expect(rows[0].permissions?.[0]).toEqual(named(result.rows, 'Bob')?.permissions?.[0]);
  });

  it('reads concatenated pages, and pages in several files, to the same rows', async () => {
    const sorted = (rows: ImportRow[]) => [...rows].sort((a, b) => a.externalId.localeCompare(b.externalId));
    const pages = await convert(fixture('gaad-pages.ndjson'));
    expect(pages.problems).toEqual([]);
    expect(sorted(pages.rows)).toEqual(sorted(result.rows));
    const [first, second] = fixtureText('gaad-pages.ndjson').split(/\n(?=\{)/);
    const files = await convert(textInput('page-1.json', first), textInput('page-2.json', second));
    expect(files.problems).toEqual([]);
    expect(sorted(files.rows)).toEqual(sorted(result.rows));
  });

  it('says so when every page read is truncated (the last page is missing)', async () => {
    const [first] = fixtureText('gaad-pages.ndjson').split(/\n(?=\{)/);
    const { rows, problems } = await convert(textInput('page-1.json', first));
    expect(rows.map((row) => row.name)).toEqual(['Alice', 'Bob', 'Charlie', 'EC2role', 'legacy-etl']);
    expect(problems).toEqual([
      { location: 'IsTruncated', problem: expect.stringMatching(/^every page read says IsTruncated: the export is incomplete/) },
    ]);
  });
});

describe('aws-gaad on broken or unusual input', () => {
  it('a file cut short: rows before the break, one problem naming where it breaks (not repeated by the second pass)', async () => {
    const text = fixtureText('gaad.json');
    const cut = text.slice(0, text.indexOf('"RoleName": "break-glass-admin"'));
    const { rows, problems } = await convert(textInput('gaad.json', cut));
    expect(rows.map((row) => row.name)).toEqual(['Alice', 'Bob', 'Charlie', 'ci-deployer', 'key-rotator', 'EC2role', 'legacy-etl']);
    expect(problems).toEqual([
      { location: 'RoleDetailList[2]', problem: expect.stringMatching(/^the JSON breaks at or after this place/) },
    ]);
  });

  it('broken JSON is named by element, with the label when there are several inputs; every element before it is read', async () => {
    const text = fixtureText('gaad.json').replace('"RoleName": "public-assume",', '"RoleName": "public-assume" "oops",');
    const { rows, problems } = await convert(textInput('a.json', '{"UserDetailList": []}'), textInput('b.json', text));
    // The break is in RoleDetailList[3]; the end of [2] is close before it and may share the slice that breaks.
    expect(problems).toEqual([
      { location: expect.stringMatching(/^b\.json RoleDetailList\[[23]\]$/), problem: expect.stringMatching(/^the JSON breaks at/) },
    ]);
    const named = Number(/\[(\d)\]/.exec(problems[0].location)?.[1]);
    expect(rows.filter((row) => row.kind === 'aws iam role')).toHaveLength(named);
    expect(rows.filter((row) => row.kind === 'aws iam user')).toHaveLength(5);
  });

  it('a JSON document that is not GAAD, and a file that is not JSON', async () => {
    expect((await convert(textInput('other.json', '{"Users": []}'))).problems).toEqual([
      {
        location: 'the top-level object',
        problem: 'has neither UserDetailList nor RoleDetailList: not the output of aws iam get-account-authorization-details',
      },
    ]);
    const notJson = await convert(textInput('report.csv', 'user,arn\nAlice,arn:aws:iam::1:user/Alice\n'));
    expect(notJson.rows).toEqual([]);
    expect(notJson.problems).toEqual([{ location: 'the start of the file', problem: expect.stringMatching(/^the JSON breaks/) }]);
  });

  it('names each unreadable part by its place and reads the rest, never quoting values', async () => {
    const { rows, problems } = await convert(
      gaad({
        UserDetailList: [
          { UserName: 'no-arn-secret-name' },
          {
            UserName: 'u',
            Arn: `${ACCOUNT}:user/u`,
            CreateDate: 'last tuesday',
            GroupList: ['Missing', 'G'],
            UserPolicyList: [
              {
                PolicyName: 'p',
                PolicyDocument: { Statement: [{ Effect: 'Maybe', Action: '*' }, { Effect: 'Allow' }, { Effect: 'Allow', Action: 's3:*' }] },
              },
              { PolicyName: 'q', PolicyDocument: '%E0%A4%A' },
              { PolicyDocument: {} },
            ],
            AttachedManagedPolicies: [{ PolicyName: 'no-arn' }, { PolicyName: 'NoVersion', PolicyArn: `${ACCOUNT}:policy/NoVersion` }],
            Tags: [{ Value: 'orphan' }],
          },
        ],
        GroupDetailList: [
          { GroupName: 'G', GroupPolicyList: [{ PolicyName: 'gp', PolicyDocument: { Statement: { Effect: 'Allow', Action: 1 } } }] },
        ],
        Policies: [{ PolicyName: 'NoVersion', Arn: `${ACCOUNT}:policy/NoVersion`, PolicyVersionList: [] }],
      }),
    );
    expect(problems).toEqual([
      {
        location: 'GroupDetailList[0].GroupPolicyList[0].PolicyDocument.Statement',
        problem: 'Action is not a string or a list of strings: the statement is left out',
      },
      { location: 'Policies[0]', problem: 'has no default version with a Document: principals it is attached to get it by ARN only' },
      { location: 'UserDetailList[0]', problem: 'has no Arn: the principal cannot be identified and is not imported' },
      { location: 'UserDetailList[1].CreateDate', problem: 'is not an ISO 8601 time: left out' },
      {
        location: 'UserDetailList[1].UserPolicyList[0].PolicyDocument.Statement[0]',
        problem: 'Effect is neither Allow nor Deny: the statement is left out',
      },
      {
        location: 'UserDetailList[1].UserPolicyList[0].PolicyDocument.Statement[1]',
        problem: 'has neither Action nor NotAction: the statement is left out',
      },
      {
        location: 'UserDetailList[1].UserPolicyList[1].PolicyDocument',
        problem: "is a string that is neither JSON nor URL-encoded JSON: the policy's permissions are missing",
      },
      { location: 'UserDetailList[1].UserPolicyList[2]', problem: 'has no PolicyName: the policy is left out' },
      { location: 'UserDetailList[1].AttachedManagedPolicies[0]', problem: 'has no PolicyArn: the attachment is left out' },
      { location: 'UserDetailList[1].GroupList[0]', problem: "is not in the export's GroupDetailList: the group's policies are missing" },
      { location: 'UserDetailList[1].Tags[0]', problem: 'has no Key: left out' },
    ]);
    expect(JSON.stringify(problems)).not.toMatch(/secret-name|orphan|tuesday|Maybe/);
    expect(rows).toEqual([
      {
        provider: 'aws',
        externalId: `${ACCOUNT}:user/u`,
        kind: 'aws iam user',
        name: 'u',
        scopes: ['inline policy p', 'inline policy q', 'managed policy NoVersion', 'group Missing', 'group G', 'group G: inline policy gp'],
        permissions: [
          { effect: 'Allow', actions: ['s3:*'], via: 'inline policy p' },
          { effect: 'Allow', managedPolicyArn: `${ACCOUNT}:policy/NoVersion`, via: 'managed policy NoVersion' },
        ],
      },
    ]);
  });

  it('copies no field it does not map, whatever the export holds', async () => {
    const { rows } = await convert(
      gaad({ RoleDetailList: [{ RoleName: 'r', Arn: `${ACCOUNT}:role/r`, SecretAccessKey: 'wJalrXUtnFEMI/K7MDENG', RoleId: 'AROAX' }] }),
    );
    expect(JSON.stringify(rows)).not.toMatch(/wJalrXUtnFEMI|AROAX|SecretAccessKey/);
    expect(rows).toEqual([
      { provider: 'aws', externalId: `${ACCOUNT}:role/r`, kind: 'aws iam role', name: 'r', credentials: [], permissions: [] },
    ]);
  });

  it('keeps a principal with more tags than a row takes, and says what it cut', async () => {
    const Tags = Array.from({ length: 120 }, (_, i) => ({ Key: `k${i}`, Value: `v${i}` }));
    const { rows, problems } = await convert(gaad({ RoleDetailList: [{ RoleName: 'r', Arn: `${ACCOUNT}:role/r`, Tags }] }));
    expect(rows[0].tags).toHaveLength(100);
    expect(problems).toEqual([{ location: 'RoleDetailList[0]', problem: '120 tags, more than 100: kept the first 100' }]);
  });

  it('sends managed policies by ARN only when all their statements would not fit in one ingest line', async () => {
    const big = Array.from({ length: 25 }, (_, i) => ({
      PolicyName: `p${i}`,
      Arn: `${ACCOUNT}:policy/p${i}`,
      DefaultVersionId: 'v1',
      PolicyVersionList: [
        {
          VersionId: 'v1',
          IsDefaultVersion: true,
          Document: {
            Statement: Array.from({ length: 400 }, (_, j) => ({
              Effect: 'Allow',
              Action: `s3:GetObject${j}`,
              Resource: `arn:aws:s3:::bucket-${i}-${j}/*`,
            })),
          },
        },
      ],
    }));
    const { rows, problems } = await convert(
      gaad({
        RoleDetailList: [
          {
            RoleName: 'r',
            Arn: `${ACCOUNT}:role/r`,
            AttachedManagedPolicies: big.map((p) => ({ PolicyName: p.PolicyName, PolicyArn: p.Arn })),
          },
        ],
        Policies: big,
      }),
    );
    expect(problems).toEqual([
      {
        location: 'RoleDetailList[0]',
        problem: 'its policies are larger than one ingest line: managed policies are sent by their ARN only',
      },
    ]);
    expect(rows[0].permissions).toHaveLength(25);
    expect(rows[0].permissions?.[0]).toEqual({ effect: 'Allow', managedPolicyArn: `${ACCOUNT}:policy/p0`, via: 'managed policy p0' });
  });
});
