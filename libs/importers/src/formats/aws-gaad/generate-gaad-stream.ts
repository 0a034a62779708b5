import { Readable } from 'node:stream';

export interface GaadGeneratorOptions {
  /** One principal in this many is a user, the rest roles (default 5). */
  userEvery?: number;
  /** The account id in the ARNs (default 123456789012, the documentation's). */
  accountId?: string;
  /** Principals per chunk of text (default 10). */
  perChunk?: number;
  /** Called as each principal (user or role, counted from 0) is made: lets a test or benchmark see how far the generator has gone. */
  onPrincipal?: (index: number) => void;
}

const POLICY_VERSION = '2012-10-17';

function customerPolicyArn(accountId: string, i: number): string {
  return `arn:aws:iam::${accountId}:policy/app-policy-${i}`;
}

function tags(i: number) {
  return [
    { Key: 'Owner', Value: `team-${i % 17}@example.com` },
    { Key: 'CostCenter', Value: `cc-${i % 5}` },
  ];
}

function inlinePolicy(i: number) {
  return {
    PolicyName: `inline-${i}`,
    PolicyDocument: {
      Version: POLICY_VERSION,
      Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource: `arn:aws:s3:::bucket-${i % 97}/*` }],
    },
  };
}

function role(i: number, accountId: string) {
  const name = `role-${i}`;
  const month = String((i % 12) + 1).padStart(2, '0');
  return {
    Path: '/',
    RoleName: name,
    RoleId: `AROA${String(i).padStart(16, '0')}`,
    Arn: `arn:aws:iam::${accountId}:role/${name}`,
    CreateDate: `2019-${month}-01T10:00:00Z`,
    AssumeRolePolicyDocument: {
      Version: POLICY_VERSION,
      Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }],
    },
    InstanceProfileList: [],
    RolePolicyList: i % 3 === 0 ? [inlinePolicy(i)] : [],
    AttachedManagedPolicies: [
      { PolicyName: `app-policy-${i % 20}`, PolicyArn: customerPolicyArn(accountId, i % 20) },
      { PolicyName: 'AmazonSSMManagedInstanceCore', PolicyArn: 'arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore' },
    ],
    Tags: tags(i),
    RoleLastUsed: i % 7 === 0 ? {} : { LastUsedDate: `2024-${month}-15T08:30:00Z`, Region: 'eu-west-1' },
  };
}

function user(i: number, accountId: string) {
  const name = `svc-user-${i}`;
  return {
    Path: '/',
    UserName: name,
    UserId: `AIDA${String(i).padStart(16, '0')}`,
    Arn: `arn:aws:iam::${accountId}:user/${name}`,
    CreateDate: '2018-03-01T10:00:00Z',
    UserPolicyList: i % 2 === 0 ? [inlinePolicy(i)] : [],
    GroupList: ['deployers'],
    AttachedManagedPolicies: [{ PolicyName: `app-policy-${i % 20}`, PolicyArn: customerPolicyArn(accountId, i % 20) }],
    Tags: tags(i),
  };
}

function policy(i: number, accountId: string) {
  return {
    PolicyName: `app-policy-${i}`,
    PolicyId: `ANPA${String(i).padStart(16, '0')}`,
    Arn: customerPolicyArn(accountId, i),
    Path: '/',
    DefaultVersionId: 'v2',
    AttachmentCount: 1,
    IsAttachable: true,
    PolicyVersionList: [
      {
        Document: { Version: POLICY_VERSION, Statement: [{ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }] },
        VersionId: 'v1',
        IsDefaultVersion: false,
      },
      {
        Document: {
          Version: POLICY_VERSION,
          Statement: [{ Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: `arn:aws:sqs:eu-west-1:${accountId}:q-${i}` }],
        },
        VersionId: 'v2',
        IsDefaultVersion: true,
      },
    ],
  };
}

const GROUP = {
  GroupName: 'deployers',
  Path: '/',
  Arn: 'arn:aws:iam::123456789012:group/deployers',
  GroupPolicyList: [],
  AttachedManagedPolicies: [{ PolicyName: 'ReadOnlyAccess', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }],
};

/** The elements of one list, `perChunk` at a time, comma-separated. */
function* listChunks(count: number, perChunk: number, element: (i: number) => unknown): Generator<string> {
  for (let from = 0; from < count; from += perChunk) {
    const to = Math.min(count, from + perChunk);
    const parts: string[] = [];
    for (let i = from; i < to; i += 1) parts.push(JSON.stringify(element(i)));
    yield `${from === 0 ? '' : ','}${parts.join(',')}`;
  }
}

/**
 * The text of a GAAD-shaped export of `count` principals, a chunk at a time:
 * users first, then the group, the roles, the managed policies last (as the
 * API orders them), so a reader must make two passes. Deterministic; nothing is
 * held but the chunk being made.
 */
export function* generateGaadChunks(count: number, options: GaadGeneratorOptions = {}): Generator<string> {
  const { userEvery = 5, accountId = '123456789012', perChunk = 10, onPrincipal } = options;
  const users = userEvery > 0 ? Math.floor(count / userEvery) : 0;
  const roles = count - users;
  const made = <T>(index: number, principal: T): T => {
    onPrincipal?.(index);
    return principal;
  };
  yield '{"UserDetailList":[';
  yield* listChunks(users, perChunk, (i) => made(i, user(i, accountId)));
  yield `],"GroupDetailList":[${JSON.stringify({ ...GROUP, Arn: `arn:aws:iam::${accountId}:group/deployers` })}],"RoleDetailList":[`;
  yield* listChunks(roles, perChunk, (i) => made(users + i, role(i, accountId)));
  yield '],"Policies":[';
  yield* listChunks(20, perChunk, (i) => policy(i, accountId));
  yield '],"IsTruncated":false}\n';
}

/** generateGaadChunks as a readable stream, for an ImportInput's open() (a new stream each time) and the benchmark. */
export function generateGaadStream(count: number, options: GaadGeneratorOptions = {}): NodeJS.ReadableStream {
  return Readable.from(generateGaadChunks(count, options), { objectMode: false });
}
