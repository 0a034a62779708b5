import { assessPrivilege } from './assess';
import { adminOrWildcardScopes, statementsFromScopes } from './legacy-scopes';

const levelOf = (provider: string, scopes: string[]) => assessPrivilege(provider, statementsFromScopes(provider, scopes))?.level ?? null;
const rulesOf = (provider: string, scopes: string[]) =>
  assessPrivilege(provider, statementsFromScopes(provider, scopes))?.reasons.map((r) => r.rule);

describe('statementsFromScopes', () => {
  it('reads each scope as a statement on every resource, named after the scope', () => {
    expect(statementsFromScopes('aws', ['iam:PassRole', ' '])).toEqual([
      { effect: 'Allow', actions: ['iam:PassRole'], via: 'scope iam:PassRole' },
    ]);
  });

  it('reads an AWS managed policy name or ARN as a policy known only by ARN', () => {
    expect(statementsFromScopes('aws', ['AdministratorAccess', 'arn:aws:iam::123456789012:policy/ci'])).toEqual([
      { effect: 'Allow', managedPolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess', via: 'scope AdministratorAccess' },
      { effect: 'Allow', managedPolicyArn: 'arn:aws:iam::123456789012:policy/ci', via: 'scope arn:aws:iam::123456789012:policy/ci' },
    ]);
  });

  it('maps classic GitHub OAuth scopes to fine-grained permissions', () => {
    expect(statementsFromScopes('github', ['admin:org'])[0].actions).toEqual([
      'github:organization_administration:write',
      'github:members:write',
    ]);
  });

  it('maps "verb resource" Kubernetes scopes to RBAC actions in the right API group', () => {
    expect(statementsFromScopes('kubernetes', ['create deployments', 'get pods'])).toEqual([
      { effect: 'Allow', actions: ['k8s:apps/deployments:create'], via: 'scope create deployments' },
      { effect: 'Allow', actions: ['k8s:core/pods:get'], via: 'scope get pods' },
    ]);
  });
});

describe('legacy scopes judged by the rules', () => {
  // The regex classifier's cases, kept where they were right.
  it.each([
    ['aws', ['s3:GetObject', 'sqs:SendMessage'], 'HIGH'],
    ['aws', ['sqs:ReceiveMessage', 'dynamodb:DescribeTable'], 'LOW'],
    ['aws', ['sqs:SendMessage'], 'MEDIUM'],
    ['aws', ['s3:*'], 'HIGH'],
    ['aws', ['arn:aws:iam::aws:policy/AdministratorAccess'], 'ADMIN'],
    ['aws', ['AdministratorAccess'], 'ADMIN'],
    ['aws', ['*'], 'ADMIN'],
    ['aws', ['iam:*'], 'ADMIN'],
    ['gcp', ['roles/bigquery.dataViewer'], 'LOW'],
    ['gcp', ['roles/editor'], 'HIGH'],
    ['gcp', ['roles/owner'], 'ADMIN'],
    ['azure', ['Reader'], 'LOW'],
    ['azure', ['Contributor'], 'HIGH'],
    ['azure', ['User Access Administrator'], 'ADMIN'],
    ['azure', ['User.Read.All'], 'HIGH'],
    ['github', ['read:org'], 'LOW'],
    ['github', ['repo'], 'HIGH'],
    ['github', ['admin:org'], 'ADMIN'],
    ['kubernetes', ['cluster-admin'], 'ADMIN'],
    ['acme', ['frobnicate'], 'MEDIUM'],
  ])('%s %j is %s', (provider, scopes, level) => {
    expect(levelOf(provider, scopes)).toBe(level);
  });

  // What the regexes got wrong, from the issue.
  it.each([
    ['aws', ['iam:AttachUserPolicy'], 'ADMIN'],
    ['aws', ['iam:CreateAccessKey'], 'ADMIN'],
    ['aws', ['AmazonSSMManagedInstanceCore'], 'HIGH'],
    ['aws', ['AmazonEC2ReadOnlyAccess'], 'LOW'],
    ['aws', ['iam:PassRole'], 'MEDIUM'],
    ['aws', ['iam:PassRole', 'ec2:RunInstances'], 'ADMIN'],
    ['gcp', ['roles/storage.objectAdmin'], 'MEDIUM'],
    ['gcp', ['roles/iam.serviceAccountTokenCreator'], 'ADMIN'],
    ['github', ['workflow'], 'HIGH'],
    ['github', ['admin:repo_hook'], 'MEDIUM'],
    ['kubernetes', ['get pods', 'list configmaps'], 'LOW'],
    ['kubernetes', ['create deployments'], 'HIGH'],
    ['kubernetes', ['get secrets'], 'HIGH'],
    ['kubernetes', ['view'], 'LOW'],
    ['kubernetes', ['edit'], 'HIGH'],
    ['openai', ['tickets:read', 'kb:search'], 'LOW'],
    ['openai', ['tickets:comment'], 'MEDIUM'],
  ])('%s %j is %s', (provider, scopes, level) => {
    expect(levelOf(provider, scopes)).toBe(level);
  });

  it('judges a managed policy scope by the table, not by "manage" in its name', () => {
    expect(rulesOf('aws', ['AmazonSSMManagedInstanceCore'])).toEqual(['aws.managed-policy']);
  });

  it('is unknown without scopes', () => {
    expect(levelOf('aws', [])).toBeNull();
  });
});

describe('adminOrWildcardScopes', () => {
  it('picks the scopes NHI5 reports', () => {
    expect(adminOrWildcardScopes('aws', ['s3:GetObject', 's3:*', 'AdministratorAccess'])).toEqual(['s3:*', 'AdministratorAccess']);
  });

  it('now includes escalation scopes the regexes missed', () => {
    expect(adminOrWildcardScopes('aws', ['sqs:SendMessage', 'iam:CreateAccessKey'])).toEqual(['iam:CreateAccessKey']);
    expect(adminOrWildcardScopes('gcp', ['roles/viewer', 'roles/iam.serviceAccountUser'])).toEqual(['roles/iam.serviceAccountUser']);
  });
});
