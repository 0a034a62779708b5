import { assessPrivilege } from './assess';
import type { PermissionStatement, PrivilegeLevel } from './statement';

/**
 * The behaviour the issue asks for, one named case per row: a provider, its
 * statements, the level, and the rule ids of the reasons at that level.
 */
interface Case {
  name: string;
  provider: string;
  statements: PermissionStatement[];
  level: PrivilegeLevel;
  rules: string[];
}

const allow = (actions: string[], resources?: string[], via = 'inline policy ci-deploy', conditional = false): PermissionStatement => ({
  effect: 'Allow',
  actions,
  ...(resources ? { resources } : {}),
  ...(conditional ? { conditional } : {}),
  via,
});
const deny = (actions: string[], resources?: string[], via = 'inline policy guardrail'): PermissionStatement => ({
  effect: 'Deny',
  actions,
  ...(resources ? { resources } : {}),
  via,
});
const managed = (arn: string): PermissionStatement => ({
  effect: 'Allow',
  managedPolicyArn: arn,
  via: `managed policy ${arn.split('/').pop()}`,
});
const bound = (role: string, scope: string, via = `binding ${role}`): PermissionStatement => allow([role], [scope], via);

const AWS: Case[] = [
  {
    name: 'iam:AttachUserPolicy alone is ADMIN',
    provider: 'aws',
    statements: [allow(['iam:AttachUserPolicy'])],
    level: 'ADMIN',
    rules: ['aws.privilege-escalation'],
  },
  {
    name: 'iam:CreateAccessKey alone is ADMIN',
    provider: 'aws',
    statements: [allow(['iam:CreateAccessKey'])],
    level: 'ADMIN',
    rules: ['aws.privilege-escalation'],
  },
  {
    name: 'iam:CreatePolicyVersion on every policy ARN is ADMIN',
    provider: 'aws',
    statements: [allow(['iam:CreatePolicyVersion'], ['arn:aws:iam::*:policy/*'])],
    level: 'ADMIN',
    rules: ['aws.privilege-escalation'],
  },
  {
    name: 'iam:UpdateAssumeRolePolicy on every role is ADMIN',
    provider: 'aws',
    statements: [allow(['iam:UpdateAssumeRolePolicy'], ['arn:aws:iam::*:role/*'])],
    level: 'ADMIN',
    rules: ['aws.privilege-escalation'],
  },
  {
    name: 'iam:Put*Policy through a wildcard is ADMIN',
    provider: 'aws',
    statements: [allow(['iam:Put*Policy'])],
    level: 'ADMIN',
    rules: ['aws.privilege-escalation'],
  },
  {
    name: 'iam:CreateAccessKey on one named user is HIGH (escalation to that user only)',
    provider: 'aws',
    statements: [allow(['iam:CreateAccessKey'], ['arn:aws:iam::123456789012:user/deployer'])],
    level: 'HIGH',
    rules: ['aws.privilege-escalation-scoped'],
  },
  {
    name: 'iam:CreateAccessKey on the caller itself is a plain write',
    provider: 'aws',
    statements: [allow(['iam:CreateAccessKey'], ['arn:aws:iam::*:user/${aws:username}'])],
    level: 'MEDIUM',
    rules: ['aws.write'],
  },
  {
    name: '* on * is full admin',
    provider: 'aws',
    statements: [allow(['*'])],
    level: 'ADMIN',
    rules: ['aws.full-admin', 'aws.privilege-escalation', 'aws.pass-role-escalation'],
  },
  {
    name: 'a Deny of iam:* cancels the escalation an Allow * carried: every other service is still HIGH',
    provider: 'aws',
    statements: [allow(['*']), deny(['iam:*'])],
    level: 'HIGH',
    rules: ['aws.almost-all-actions', 'aws.broad-secret-read', 'aws.broad-data-read', 'aws.compute-takeover'],
  },
  {
    name: 'NotAction "everything except iam" is HIGH, not ADMIN: no IAM action, no iam:PassRole',
    provider: 'aws',
    statements: [{ effect: 'Allow', notActions: ['iam:*'], via: 'inline policy almost-admin' }],
    level: 'HIGH',
    rules: ['aws.almost-all-actions', 'aws.broad-secret-read', 'aws.broad-data-read', 'aws.compute-takeover'],
  },
  {
    name: 'NotAction that leaves IAM in (everything except s3) is ADMIN through the escalation actions',
    provider: 'aws',
    statements: [{ effect: 'Allow', notActions: ['s3:*'], via: 'inline policy no-s3' }],
    level: 'ADMIN',
    rules: ['aws.privilege-escalation', 'aws.pass-role-escalation'],
  },
  {
    name: 's3:GetObject on one bucket is a LOW read',
    provider: 'aws',
    statements: [allow(['s3:GetObject'], ['arn:aws:s3:::reports/*'])],
    level: 'LOW',
    rules: ['aws.read'],
  },
  {
    name: 's3:GetObject on * is a HIGH broad data read',
    provider: 'aws',
    statements: [allow(['s3:GetObject'])],
    level: 'HIGH',
    rules: ['aws.broad-data-read'],
  },
  {
    name: 's3:GetObject on every bucket (arn:aws:s3:::*) is a broad data read too',
    provider: 'aws',
    statements: [allow(['s3:GetObject'], ['arn:aws:s3:::*'])],
    level: 'HIGH',
    rules: ['aws.broad-data-read'],
  },
  {
    name: 'secretsmanager:GetSecretValue on * is HIGH',
    provider: 'aws',
    statements: [allow(['secretsmanager:GetSecretValue'])],
    level: 'HIGH',
    rules: ['aws.broad-secret-read'],
  },
  {
    name: 'ssm:GetParameter* on * is HIGH',
    provider: 'aws',
    statements: [allow(['ssm:GetParameter*'])],
    level: 'HIGH',
    rules: ['aws.broad-secret-read'],
  },
  {
    name: 'kms:Decrypt on one key is a read, not a broad secret read',
    provider: 'aws',
    statements: [allow(['kms:Decrypt'], ['arn:aws:kms:eu-west-1:123456789012:key/abcd'])],
    level: 'MEDIUM',
    rules: ['aws.write'],
  },
  {
    name: 's3:* on * is a HIGH whole service',
    provider: 'aws',
    statements: [allow(['s3:*'])],
    level: 'HIGH',
    rules: ['aws.broad-data-read', 'aws.service-wildcard'],
  },
  {
    name: 's3:* on one bucket is a MEDIUM write',
    provider: 'aws',
    statements: [allow(['s3:*'], ['arn:aws:s3:::scratch', 'arn:aws:s3:::scratch/*'])],
    level: 'MEDIUM',
    rules: ['aws.write'],
  },
  {
    name: 'iam:PassRole without compute-create is a MEDIUM write',
    provider: 'aws',
    statements: [allow(['iam:PassRole'])],
    level: 'MEDIUM',
    rules: ['aws.write'],
  },
  {
    name: 'iam:PassRole on * with ec2:RunInstances is ADMIN',
    provider: 'aws',
    statements: [allow(['iam:PassRole']), allow(['ec2:RunInstances'], undefined, 'inline policy launcher')],
    level: 'ADMIN',
    rules: ['aws.pass-role-escalation'],
  },
  {
    name: 'iam:PassRole with lambda:CreateFunction alone is not enough (the function must be invoked)',
    provider: 'aws',
    statements: [allow(['iam:PassRole', 'lambda:CreateFunction'])],
    level: 'MEDIUM',
    rules: ['aws.write'],
  },
  {
    name: 'iam:PassRole with lambda:CreateFunction and lambda:InvokeFunction is ADMIN',
    provider: 'aws',
    statements: [allow(['iam:PassRole', 'lambda:CreateFunction', 'lambda:InvokeFunction'])],
    level: 'ADMIN',
    rules: ['aws.pass-role-escalation'],
  },
  {
    name: 'conditional iam:PassRole with sagemaker:CreateNotebookInstance still counts, marked conditional',
    provider: 'aws',
    statements: [
      allow(['iam:PassRole'], ['arn:aws:iam::*:role/*'], 'managed policy SM', true),
      allow(['sagemaker:CreateNotebookInstance']),
    ],
    level: 'ADMIN',
    rules: ['aws.pass-role-escalation'],
  },
  {
    name: 'iam:PassRole on one named role with ec2:RunInstances is HIGH',
    provider: 'aws',
    statements: [allow(['iam:PassRole'], ['arn:aws:iam::123456789012:role/app']), allow(['ec2:RunInstances'])],
    level: 'HIGH',
    rules: ['aws.pass-role-scoped'],
  },
  {
    name: 'AmazonSSMManagedInstanceCore known only by ARN is judged by the table, not by "manage" in its name',
    provider: 'aws',
    statements: [managed('arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore')],
    level: 'HIGH',
    rules: ['aws.managed-policy'],
  },
  {
    name: 'AdministratorAccess by ARN is ADMIN',
    provider: 'aws',
    statements: [managed('arn:aws:iam::aws:policy/AdministratorAccess')],
    level: 'ADMIN',
    rules: ['aws.managed-policy'],
  },
  {
    name: 'a service-role ARN is found by its name',
    provider: 'aws',
    statements: [managed('arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole')],
    level: 'MEDIUM',
    rules: ['aws.managed-policy'],
  },
  {
    name: 'ViewOnlyAccess (job-function path) is LOW',
    provider: 'aws',
    statements: [managed('arn:aws:iam::aws:policy/job-function/ViewOnlyAccess')],
    level: 'LOW',
    rules: ['aws.managed-policy'],
  },
  {
    name: 'an ARN not in the table is an unknown managed policy, MEDIUM',
    provider: 'aws',
    statements: [managed('arn:aws:iam::123456789012:policy/ci-deploy')],
    level: 'MEDIUM',
    rules: ['aws.unknown-managed-policy'],
  },
  {
    name: 'reads alone are LOW',
    provider: 'aws',
    statements: [allow(['ec2:Describe*', 'sqs:ReceiveMessage', 'dynamodb:DescribeTable'])],
    level: 'LOW',
    rules: ['aws.read'],
  },
  {
    name: 'lambda:UpdateFunctionCode on every function is HIGH (takes over existing roles)',
    provider: 'aws',
    statements: [allow(['lambda:UpdateFunctionCode'])],
    level: 'HIGH',
    rules: ['aws.compute-takeover'],
  },
];

const KUBERNETES: Case[] = [
  {
    name: 'a cluster-admin-like ClusterRole (* verbs on * in every group) is ADMIN',
    provider: 'kubernetes',
    statements: [allow(['k8s:*/*:*'], ['*'], 'ClusterRoleBinding ops -> ClusterRole cluster-admin')],
    level: 'ADMIN',
    rules: ['k8s.cluster-admin', 'k8s.escalate-bind-impersonate'],
  },
  {
    name: 'bind on clusterroles is ADMIN',
    provider: 'kubernetes',
    statements: [allow(['k8s:rbac.authorization.k8s.io/clusterroles:bind'], ['*'], 'ClusterRoleBinding ci -> ClusterRole binder')],
    level: 'ADMIN',
    rules: ['k8s.escalate-bind-impersonate'],
  },
  {
    name: 'impersonate on serviceaccounts is ADMIN',
    provider: 'kubernetes',
    statements: [allow(['k8s:core/serviceaccounts:impersonate'], ['namespaces/ci'], 'RoleBinding ci/impersonator')],
    level: 'ADMIN',
    rules: ['k8s.escalate-bind-impersonate'],
  },
  {
    name: 'list secrets cluster-wide is HIGH',
    provider: 'kubernetes',
    statements: [allow(['k8s:core/secrets:list'], ['*'], 'ClusterRoleBinding reader -> ClusterRole secret-reader')],
    level: 'HIGH',
    rules: ['k8s.secrets-cluster-wide'],
  },
  {
    name: 'get secrets in one namespace is MEDIUM',
    provider: 'kubernetes',
    statements: [allow(['k8s:core/secrets:get'], ['namespaces/app'], 'RoleBinding app/reader')],
    level: 'MEDIUM',
    rules: ['k8s.secrets-namespaced'],
  },
  {
    name: 'create pods/exec is HIGH',
    provider: 'kubernetes',
    statements: [allow(['k8s:core/pods/exec:create'], ['namespaces/app'], 'RoleBinding app/debug')],
    level: 'HIGH',
    rules: ['k8s.pod-exec'],
  },
  {
    name: 'create deployments is HIGH',
    provider: 'kubernetes',
    statements: [allow(['k8s:apps/deployments:create', 'k8s:apps/deployments:get'], ['namespaces/app'], 'RoleBinding app/deployer')],
    level: 'HIGH',
    rules: ['k8s.workload-create'],
  },
  {
    name: 'create serviceaccounts/token is HIGH',
    provider: 'kubernetes',
    statements: [allow(['k8s:core/serviceaccounts/token:create'], ['namespaces/app'], 'RoleBinding app/tokens')],
    level: 'HIGH',
    rules: ['k8s.token-create'],
  },
  {
    name: 'get nodes/proxy is HIGH',
    provider: 'kubernetes',
    statements: [allow(['k8s:core/nodes/proxy:get'], ['*'], 'ClusterRoleBinding metrics -> ClusterRole kubelet-reader')],
    level: 'HIGH',
    rules: ['k8s.nodes-proxy'],
  },
  {
    name: 'get, list, watch pods and configmaps is LOW',
    provider: 'kubernetes',
    statements: [
      allow(['k8s:core/pods:get', 'k8s:core/pods:list', 'k8s:core/configmaps:watch'], ['namespaces/app'], 'RoleBinding app/view'),
    ],
    level: 'LOW',
    rules: ['k8s.read'],
  },
  {
    name: 'delete configmaps is MEDIUM',
    provider: 'kubernetes',
    statements: [allow(['k8s:core/configmaps:delete'], ['namespaces/app'], 'RoleBinding app/cleaner')],
    level: 'MEDIUM',
    rules: ['k8s.write'],
  },
];

const GCP: Case[] = [
  {
    name: 'roles/owner is ADMIN',
    provider: 'gcp',
    statements: [bound('gcp:roles/owner', 'projects/shop')],
    level: 'ADMIN',
    rules: ['gcp.owner'],
  },
  {
    name: 'roles/iam.serviceAccountTokenCreator on a project is ADMIN',
    provider: 'gcp',
    statements: [bound('gcp:roles/iam.serviceAccountTokenCreator', 'projects/shop')],
    level: 'ADMIN',
    rules: ['gcp.iam-escalation'],
  },
  {
    name: 'roles/iam.serviceAccountUser on one service account is HIGH',
    provider: 'gcp',
    statements: [bound('gcp:roles/iam.serviceAccountUser', 'projects/shop/serviceAccounts/deploy@shop.iam.gserviceaccount.com')],
    level: 'HIGH',
    rules: ['gcp.iam-escalation-scoped'],
  },
  {
    name: 'roles/editor is HIGH',
    provider: 'gcp',
    statements: [bound('gcp:roles/editor', 'projects/shop')],
    level: 'HIGH',
    rules: ['gcp.editor'],
  },
  {
    name: 'roles/storage.admin is HIGH',
    provider: 'gcp',
    statements: [bound('gcp:roles/storage.admin', 'projects/shop')],
    level: 'HIGH',
    rules: ['gcp.service-admin'],
  },
  {
    name: 'roles/secretmanager.secretAccessor is HIGH',
    provider: 'gcp',
    statements: [bound('gcp:roles/secretmanager.secretAccessor', 'projects/shop')],
    level: 'HIGH',
    rules: ['gcp.secret-access'],
  },
  {
    name: 'roles/bigquery.dataViewer is LOW',
    provider: 'gcp',
    statements: [bound('gcp:roles/bigquery.dataViewer', 'projects/shop')],
    level: 'LOW',
    rules: ['gcp.viewer'],
  },
  {
    name: 'roles/storage.objectAdmin is MEDIUM (not an admin by its letters)',
    provider: 'gcp',
    statements: [bound('gcp:roles/storage.objectAdmin', 'projects/shop')],
    level: 'MEDIUM',
    rules: ['gcp.other-role'],
  },
];

const AZURE: Case[] = [
  {
    name: 'Owner on a subscription is ADMIN',
    provider: 'azure',
    statements: [bound('azure:Owner', '/subscriptions/1111', 'role assignment ops')],
    level: 'ADMIN',
    rules: ['azure.owner'],
  },
  {
    name: 'User Access Administrator is ADMIN',
    provider: 'azure',
    statements: [bound('azure:User Access Administrator', '/subscriptions/1111')],
    level: 'ADMIN',
    rules: ['azure.access-admin'],
  },
  {
    name: 'Entra Application Administrator is ADMIN',
    provider: 'azure',
    statements: [bound('azure:Application Administrator', '/')],
    level: 'ADMIN',
    rules: ['azure.entra-privileged-role'],
  },
  {
    name: 'Contributor is HIGH',
    provider: 'azure',
    statements: [bound('azure:Contributor', '/subscriptions/1111')],
    level: 'HIGH',
    rules: ['azure.contributor'],
  },
  {
    name: 'Key Vault Secrets User is HIGH',
    provider: 'azure',
    statements: [bound('azure:Key Vault Secrets User', '/subscriptions/1111/resourceGroups/app/providers/Microsoft.KeyVault/vaults/kv')],
    level: 'HIGH',
    rules: ['azure.key-vault-secrets'],
  },
  {
    name: 'Reader is LOW',
    provider: 'azure',
    statements: [bound('azure:Reader', '/subscriptions/1111')],
    level: 'LOW',
    rules: ['azure.reader'],
  },
  {
    name: 'Graph AppRoleAssignment.ReadWrite.All is ADMIN',
    provider: 'azure',
    statements: [bound('azure:AppRoleAssignment.ReadWrite.All', '*', 'app permission')],
    level: 'ADMIN',
    rules: ['azure.graph-escalation'],
  },
];

const GITHUB: Case[] = [
  {
    name: 'administration:write is ADMIN',
    provider: 'github',
    statements: [allow(['github:administration:write'], ['acme/api'], 'fine-grained token deploy-bot')],
    level: 'ADMIN',
    rules: ['github.admin'],
  },
  {
    name: 'members:write is ADMIN',
    provider: 'github',
    statements: [allow(['github:members:write'], ['acme'], 'GitHub App sync')],
    level: 'ADMIN',
    rules: ['github.admin'],
  },
  {
    name: 'contents:write is HIGH',
    provider: 'github',
    statements: [allow(['github:contents:write', 'github:metadata:read'], ['acme/api'], 'fine-grained token release')],
    level: 'HIGH',
    rules: ['github.code-write'],
  },
  {
    name: 'secrets:read is HIGH',
    provider: 'github',
    statements: [allow(['github:secrets:read'], ['acme/api'], 'GitHub App ci')],
    level: 'HIGH',
    rules: ['github.secrets'],
  },
  {
    name: 'issues:write is MEDIUM',
    provider: 'github',
    statements: [allow(['github:issues:write'], ['acme/api'], 'GitHub App triage')],
    level: 'MEDIUM',
    rules: ['github.write'],
  },
  {
    name: 'metadata:read is LOW',
    provider: 'github',
    statements: [allow(['github:metadata:read'], ['acme/api'], 'GitHub App')],
    level: 'LOW',
    rules: ['github.read'],
  },
  {
    name: 'a deploy key with write is HIGH',
    provider: 'github',
    statements: [allow(['github:deploy_key:write'], ['acme/api'], 'deploy key ci')],
    level: 'HIGH',
    rules: ['github.deploy-key-write'],
  },
  {
    name: 'a read-only deploy key is LOW',
    provider: 'github',
    statements: [allow(['github:deploy_key:read'], ['acme/api'], 'deploy key mirror')],
    level: 'LOW',
    rules: ['github.read'],
  },
];

const OTHERS: Case[] = [
  {
    name: 'an action no rule knows is MEDIUM',
    provider: 'acme',
    statements: [allow(['frobnicate'])],
    level: 'MEDIUM',
    rules: ['unknown-action'],
  },
  {
    name: 'a read word in an unknown provider is LOW',
    provider: 'openai',
    statements: [allow(['tickets:read', 'kb:search'])],
    level: 'LOW',
    rules: ['generic.read'],
  },
];

describe('privilege table', () => {
  it.each([...AWS, ...KUBERNETES, ...GCP, ...AZURE, ...GITHUB, ...OTHERS].map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const assessment = assessPrivilege(c.provider, c.statements);
    expect(assessment?.level).toBe(c.level);
    expect([...new Set(assessment?.reasons.map((reason) => reason.rule))].sort()).toEqual([...c.rules].sort());
  });

  it('holds at least 40 cases across the five providers', () => {
    expect(AWS.length + KUBERNETES.length + GCP.length + AZURE.length + GITHUB.length).toBeGreaterThanOrEqual(40);
    for (const cases of [AWS, KUBERNETES, GCP, AZURE, GITHUB]) expect(cases.length).toBeGreaterThan(3);
  });
});
