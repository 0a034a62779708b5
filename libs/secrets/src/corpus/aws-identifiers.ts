import { BASE32, DIGITS, HEX, LOWER, Random, UPPER } from './random';

/** AWS identifiers in their documented shapes: managed policies, service-linked and generated role names, unique ids. */
export type IdentifierFamily = [family: string, field: string, make: (r: Random) => string];

const MANAGED_POLICIES = [
  'AdministratorAccess',
  'ReadOnlyAccess',
  'PowerUserAccess',
  'SecurityAudit',
  'ViewOnlyAccess',
  'AmazonS3FullAccess',
  'AmazonS3ReadOnlyAccess',
  'AmazonEC2FullAccess',
  'AmazonDynamoDBFullAccess',
  'AmazonSSMManagedInstanceCore',
  'CloudWatchAgentServerPolicy',
  'AmazonEKSClusterPolicy',
  'AmazonEKSWorkerNodePolicy',
  'AmazonEKS_CNI_Policy',
  'AmazonEC2ContainerRegistryReadOnly',
  'AWSLambda_FullAccess',
  'IAMFullAccess',
  'AmazonRDSFullAccess',
  'AWSCloudFormationFullAccess',
  'AmazonSQSFullAccess',
  'AmazonSNSFullAccess',
  'SecretsManagerReadWrite',
  'AWSKeyManagementServicePowerUser',
  'AmazonAPIGatewayPushToCloudWatchLogs',
];
const SERVICE_ROLE_POLICIES = [
  'AWSLambdaBasicExecutionRole',
  'AWSLambdaVPCAccessExecutionRole',
  'AWSGlueServiceRole',
  'AWSConfigRole',
  'AmazonECSTaskExecutionRolePolicy',
  'AWSCodeDeployRole',
  'AmazonEC2RoleforSSM',
  'AWSBackupServiceRolePolicyForBackup',
];
const LINKED_SERVICES: Array<[string, string]> = [
  ['autoscaling', 'AutoScaling'],
  ['elasticloadbalancing', 'ElasticLoadBalancing'],
  ['rds', 'RDS'],
  ['ecs', 'ECS'],
  ['eks', 'AmazonEKS'],
  ['organizations', 'Organizations'],
  ['sso', 'SSO'],
  ['support', 'Support'],
  ['trustedadvisor', 'TrustedAdvisor'],
  ['config', 'Config'],
  ['guardduty', 'AmazonGuardDuty'],
  ['securityhub', 'SecurityHub'],
  ['elasticache', 'ElastiCache'],
  ['cloudtrail', 'CloudTrail'],
];
const PERMISSION_SETS = [
  'AdministratorAccess',
  'ReadOnlyAccess',
  'PowerUserAccess',
  'Billing',
  'DataEngineers',
  'SecurityAudit',
  'ViewOnlyAccess',
];
const REGIONS = ['us-east-1', 'us-east-2', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-southeast-2', 'ap-northeast-1'];
const QUICK_SETUPS = ['EnableCRecording', 'SSMHostMgmt', 'PatchPolicy', 'DistributorInstall', 'EnableExplorer'];
const STACKS = ['payments', 'ledger-api', 'data-lake', 'orders', 'web', 'platform-network', 'ci-runners'];
const LOGICAL = ['LambdaExecutionRole', 'TaskRole', 'CustomResourceRole', 'BucketNotificationsHandler', 'InstanceRole', 'ServiceRole'];
const CFN_SUFFIX = UPPER + DIGITS;
const UNIQUE_PREFIXES = ['AKIA', 'ASIA', 'AIDA', 'AROA', 'ANPA', 'ANVA', 'AGPA', 'AIPA'];

const account = (r: Random) => r.chars(DIGITS, 12);

export const AWS_FAMILIES: IdentifierFamily[] = [
  ['aws-managed-policy-arn', 'externalId', (r) => `arn:aws:iam::aws:policy/${r.pick(MANAGED_POLICIES)}`],
  ['aws-managed-policy-arn', 'scopes[0]', (r) => `arn:aws:iam::aws:policy/service-role/${r.pick(SERVICE_ROLE_POLICIES)}`],
  ['aws-managed-policy-name', 'scopes[1]', (r) => r.pick([...MANAGED_POLICIES, ...SERVICE_ROLE_POLICIES])],
  ['aws-service-linked-role', 'name', (r) => `AWSServiceRoleFor${r.pick(LINKED_SERVICES)[1]}`],
  [
    'aws-service-linked-role',
    'externalId',
    (r) => {
      const [service, suffix] = r.pick(LINKED_SERVICES);
      return `arn:aws:iam::${account(r)}:role/aws-service-role/${service}.amazonaws.com/AWSServiceRoleFor${suffix}`;
    },
  ],
  ['aws-sso-role', 'name', (r) => `AWSReservedSSO_${r.pick(PERMISSION_SETS)}_${r.chars(HEX, 16)}`],
  [
    'aws-sso-role',
    'externalId',
    (r) =>
      `arn:aws:iam::${account(r)}:role/aws-reserved/sso.amazonaws.com/${r.pick(REGIONS)}/AWSReservedSSO_${r.pick(PERMISSION_SETS)}_${r.chars(HEX, 16)}`,
  ],
  ['aws-stacksets-role', 'name', (r) => `stacksets-exec-${r.chars(HEX, 32)}`],
  ['aws-quicksetup-role', 'name', (r) => `AWS-QuickSetup-${r.pick(QUICK_SETUPS)}-${r.chars(LOWER + DIGITS, 5)}_${r.pick(REGIONS)}`],
  ['aws-cloudformation-role', 'name', (r) => `${r.pick(STACKS)}-${r.pick(LOGICAL)}-${r.chars(CFN_SUFFIX, 12 + r.int(2))}`],
  [
    'aws-eksctl-role',
    'name',
    (r) => `eksctl-${r.pick(['prod', 'staging', 'dev'])}-nodegroup-ng-${1 + r.int(9)}-NodeInstanceRole-${r.chars(CFN_SUFFIX, 13)}`,
  ],
  ['aws-unique-id', 'externalId', (r) => `${r.pick(UNIQUE_PREFIXES)}${r.chars(BASE32, 16)}`],
  ['aws-role-arn', 'externalId', (r) => `arn:aws:iam::${account(r)}:role/${r.pick(STACKS)}-${r.pick(LOGICAL)}-${r.chars(CFN_SUFFIX, 12)}`],
];
