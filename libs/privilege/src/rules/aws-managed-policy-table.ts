import type { PrivilegeLevel } from '../statement';

/**
 * Commonly attached AWS managed policies, for statements that name a policy
 * by ARN without its document. Each level is what this library's own rules
 * give the policy's published document (AWS Managed Policy Reference Guide,
 * https://docs.aws.amazon.com/aws-managed-policy/latest/reference/), and the
 * why names the grant that decides it. Where a document limits iam:PassRole
 * with an iam:PassedToService condition a reader can follow, the level
 * follows the condition (AmazonDynamoDBFullAccess passes roles to DAX and
 * Application Auto Scaling only, which run no code of the caller's).
 *
 * AWS edits managed policies; a level here is as of the document read when
 * the entry was written. A new version that grants more is caught only when
 * an importer exports the document itself.
 */
export interface ManagedPolicy {
  name: string;
  /** The ARN's path: '' for `policy/Name`, `service-role/`, `job-function/`. */
  path: '' | 'service-role/' | 'job-function/';
  level: PrivilegeLevel;
  /** Rule ids of this library that the document trips (the same ids as for a policy exported with its document). */
  rules: string[];
  why: string;
}

function entry(name: string, path: ManagedPolicy['path'], level: PrivilegeLevel, rules: string[], why: string): ManagedPolicy {
  return { name, path, level, rules, why };
}

const ADMIN: ManagedPolicy[] = [
  entry('AdministratorAccess', '', 'ADMIN', ['aws.full-admin'], '* on *'),
  entry(
    'IAMFullAccess',
    '',
    'ADMIN',
    ['aws.privilege-escalation'],
    'iam:* on * (iam:CreateAccessKey, iam:AttachUserPolicy, iam:CreatePolicyVersion …)',
  ),
  entry(
    'AWSLambda_FullAccess',
    '',
    'ADMIN',
    ['aws.pass-role-escalation'],
    'lambda:* with iam:PassRole on * (to Lambda): creates and invokes a function as any role Lambda may assume',
  ),
  entry(
    'AmazonECS_FullAccess',
    '',
    'ADMIN',
    ['aws.pass-role-escalation'],
    'ecs:* with iam:PassRole on * (to ECS tasks): registers and runs a task as any role ECS tasks may assume',
  ),
  entry(
    'AmazonSageMakerFullAccess',
    '',
    'ADMIN',
    ['aws.pass-role-escalation'],
    'sagemaker:* with iam:PassRole on every role (to SageMaker): notebooks and training jobs as any role SageMaker may assume',
  ),
  entry(
    'AmazonEventBridgeFullAccess',
    '',
    'ADMIN',
    ['aws.pass-role-escalation'],
    'scheduler:* with iam:PassRole on every role (to EventBridge Scheduler): a schedule calls any AWS API as any role Scheduler may assume',
  ),
];

const HIGH: ManagedPolicy[] = [
  entry('PowerUserAccess', '', 'HIGH', ['aws.almost-all-actions'], 'every action except iam:*, organizations:*, account:* on *'),
  entry(
    'ReadOnlyAccess',
    '',
    'HIGH',
    ['aws.broad-data-read', 'aws.broad-secret-read'],
    's3:Get* and ssm:Get* on *: every object and parameter',
  ),
  entry('AmazonS3FullAccess', '', 'HIGH', ['aws.service-wildcard'], 's3:* on *'),
  entry('AmazonS3ReadOnlyAccess', '', 'HIGH', ['aws.broad-data-read'], 's3:Get* on *: every object'),
  entry(
    'AmazonEC2FullAccess',
    '',
    'HIGH',
    ['aws.service-wildcard'],
    'ec2:*, elasticloadbalancing:*, autoscaling:*, cloudwatch:* on *; no iam:PassRole',
  ),
  entry(
    'SecretsManagerReadWrite',
    '',
    'HIGH',
    ['aws.service-wildcard', 'aws.broad-secret-read'],
    'secretsmanager:* on *: every secret value',
  ),
  entry(
    'AmazonDynamoDBFullAccess',
    '',
    'HIGH',
    ['aws.service-wildcard', 'aws.broad-data-read'],
    'dynamodb:*, dax:* on *; its iam:PassRole is limited to DAX and Application Auto Scaling',
  ),
  entry('AmazonDynamoDBReadOnlyAccess', '', 'HIGH', ['aws.broad-data-read'], 'dynamodb:GetItem, Query, Scan on *: every item'),
  entry(
    'AmazonSSMManagedInstanceCore',
    '',
    'HIGH',
    ['aws.broad-secret-read'],
    'ssm:GetParameter, ssm:GetParameters on *: every SSM parameter; the rest is the agent reporting in',
  ),
  entry(
    'AmazonEC2RoleforSSM',
    'service-role/',
    'HIGH',
    ['aws.broad-data-read', 'aws.broad-secret-read'],
    's3:GetObject and ssm:GetParameters on *',
  ),
  entry(
    'AmazonSSMFullAccess',
    '',
    'HIGH',
    ['aws.service-wildcard', 'aws.compute-takeover'],
    'ssm:* on *: every parameter, commands on every instance',
  ),
  entry('AmazonSSMReadOnlyAccess', '', 'HIGH', ['aws.broad-secret-read'], 'ssm:Get* on *: every SSM parameter'),
  entry('CloudWatchFullAccess', '', 'HIGH', ['aws.service-wildcard'], 'cloudwatch:*, logs:*, sns:* on *'),
  entry('CloudWatchLogsFullAccess', '', 'HIGH', ['aws.service-wildcard'], 'logs:* on *'),
  entry('AWSCloudFormationFullAccess', '', 'HIGH', ['aws.service-wildcard'], 'cloudformation:* on *; no iam:PassRole'),
  entry('AWSStepFunctionsFullAccess', '', 'HIGH', ['aws.service-wildcard'], 'states:* on *'),
  entry('AmazonSQSFullAccess', '', 'HIGH', ['aws.service-wildcard'], 'sqs:* on *'),
  entry('AmazonSNSFullAccess', '', 'HIGH', ['aws.service-wildcard'], 'sns:* on *'),
  entry('AmazonRDSFullAccess', '', 'HIGH', ['aws.service-wildcard'], 'rds:* on *'),
  entry('AmazonEC2ContainerRegistryFullAccess', '', 'HIGH', ['aws.service-wildcard'], 'ecr:* on *'),
  entry('AmazonKinesisFullAccess', '', 'HIGH', ['aws.service-wildcard'], 'kinesis:* on *'),
  entry('AmazonKinesisFirehoseFullAccess', '', 'HIGH', ['aws.service-wildcard'], 'firehose:* on *'),
  entry('AmazonRoute53FullAccess', '', 'HIGH', ['aws.service-wildcard'], 'route53:* on *'),
  entry('AmazonAPIGatewayAdministrator', '', 'HIGH', ['aws.service-wildcard'], 'apigateway:* on *'),
  entry('AmazonElastiCacheFullAccess', '', 'HIGH', ['aws.service-wildcard'], 'elasticache:* on *'),
  entry('AmazonRedshiftFullAccess', '', 'HIGH', ['aws.service-wildcard'], 'redshift:* on *'),
  entry('AmazonAthenaFullAccess', '', 'HIGH', ['aws.service-wildcard'], 'athena:* on *'),
  entry('AmazonSESFullAccess', '', 'HIGH', ['aws.service-wildcard'], 'ses:* on *'),
  entry('AWSCodeCommitFullAccess', '', 'HIGH', ['aws.service-wildcard'], 'codecommit:* on *'),
  entry('AWSCodePipeline_FullAccess', '', 'HIGH', ['aws.service-wildcard'], 'codepipeline:* on *'),
  entry('AWSCodeDeployFullAccess', '', 'HIGH', ['aws.service-wildcard'], 'codedeploy:* on *'),
  entry('AWSGlueServiceRole', 'service-role/', 'HIGH', ['aws.service-wildcard', 'aws.compute-takeover'], 'glue:* on *'),
  entry(
    'SystemAdministrator',
    'job-function/',
    'HIGH',
    ['aws.service-wildcard', 'aws.pass-role-scoped'],
    's3:* on *; iam:PassRole on ec2-sysadmin-*, lambda-sysadmin-* … roles with ec2:RunInstances and lambda:Create*',
  ),
  entry(
    'DatabaseAdministrator',
    'job-function/',
    'HIGH',
    ['aws.service-wildcard', 'aws.broad-data-read', 'aws.pass-role-scoped'],
    'dynamodb:*, rds:*, redshift:*, s3:Get* on *; iam:PassRole on named Lambda and Data Pipeline roles',
  ),
];

const MEDIUM: ManagedPolicy[] = [
  entry(
    'AmazonEKSClusterPolicy',
    '',
    'MEDIUM',
    ['aws.write'],
    'EC2, load balancer and auto scaling changes for the cluster; no secrets, no iam:PassRole',
  ),
  entry('AmazonEKS_CNI_Policy', '', 'MEDIUM', ['aws.write'], 'ec2 network interface and address changes'),
  entry('AmazonEC2ContainerRegistryPowerUser', '', 'MEDIUM', ['aws.write'], 'ecr image pushes (PutImage, UploadLayerPart) and reads'),
  entry('AWSLambdaBasicExecutionRole', 'service-role/', 'MEDIUM', ['aws.write'], 'logs:CreateLogGroup, CreateLogStream, PutLogEvents'),
  entry(
    'AWSLambdaVPCAccessExecutionRole',
    'service-role/',
    'MEDIUM',
    ['aws.write'],
    'logs writes; ec2 network interfaces for the function',
  ),
  entry('AWSLambdaSQSQueueExecutionRole', 'service-role/', 'MEDIUM', ['aws.write'], 'sqs:ReceiveMessage, DeleteMessage; logs writes'),
  entry('AWSLambdaDynamoDBExecutionRole', 'service-role/', 'MEDIUM', ['aws.write'], 'dynamodb stream reads; logs writes'),
  entry('AWSLambdaKinesisExecutionRole', 'service-role/', 'MEDIUM', ['aws.write'], 'kinesis stream reads; logs writes'),
  entry('AWSLambdaRole', 'service-role/', 'MEDIUM', ['aws.write'], 'lambda:InvokeFunction on *'),
  entry(
    'AmazonECSTaskExecutionRolePolicy',
    'service-role/',
    'MEDIUM',
    ['aws.write'],
    'ecr image pulls; logs:CreateLogStream, PutLogEvents',
  ),
  entry(
    'AmazonEC2ContainerServiceforEC2Role',
    'service-role/',
    'MEDIUM',
    ['aws.write'],
    'ecs container-instance registration; ecr pulls; logs writes',
  ),
  entry(
    'CloudWatchAgentServerPolicy',
    '',
    'MEDIUM',
    ['aws.write'],
    'metrics and logs writes; ssm:GetParameter on AmazonCloudWatch-* parameters only',
  ),
  entry('AWSXRayDaemonWriteAccess', '', 'MEDIUM', ['aws.write'], 'xray:PutTraceSegments, PutTelemetryRecords'),
  entry('AmazonAPIGatewayPushToCloudWatchLogs', 'service-role/', 'MEDIUM', ['aws.write'], 'logs writes'),
  entry('AmazonAPIGatewayInvokeFullAccess', '', 'MEDIUM', ['aws.write'], 'execute-api:Invoke on *'),
];

const LOW: ManagedPolicy[] = [
  entry('ViewOnlyAccess', 'job-function/', 'LOW', ['aws.read'], 'List and Describe across services; no object or secret reads'),
  entry('SecurityAudit', '', 'LOW', ['aws.read'], 'configuration metadata reads; no object, parameter or secret values'),
  entry('IAMReadOnlyAccess', '', 'LOW', ['aws.read'], 'iam:Get*, iam:List*'),
  entry('AmazonEC2ReadOnlyAccess', '', 'LOW', ['aws.read'], 'ec2:Describe* and related reads'),
  entry('AmazonRDSReadOnlyAccess', '', 'LOW', ['aws.read'], 'rds:Describe* and related reads'),
  entry('AmazonSQSReadOnlyAccess', '', 'LOW', ['aws.read'], 'sqs:GetQueueAttributes, ListQueues; no message reads'),
  entry('AmazonSNSReadOnlyAccess', '', 'LOW', ['aws.read'], 'sns:Get*, sns:List*'),
  entry('CloudWatchReadOnlyAccess', '', 'LOW', ['aws.read'], 'cloudwatch and logs reads'),
  entry('CloudWatchLogsReadOnlyAccess', '', 'LOW', ['aws.read'], 'logs reads'),
  entry('AWSCloudFormationReadOnlyAccess', '', 'LOW', ['aws.read'], 'cloudformation Describe, Get, List'),
  entry('AmazonVPCReadOnlyAccess', '', 'LOW', ['aws.read'], 'ec2 network Describe'),
  entry('AmazonKinesisReadOnlyAccess', '', 'LOW', ['aws.read'], 'kinesis Get, List, Describe'),
  entry('AWSLambda_ReadOnlyAccess', '', 'LOW', ['aws.read'], 'lambda:Get*, lambda:List* and related reads'),
  entry('AmazonEC2ContainerRegistryReadOnly', '', 'LOW', ['aws.read'], 'ecr image pulls and Describe'),
  entry(
    'AmazonEKSWorkerNodePolicy',
    '',
    'LOW',
    ['aws.read'],
    'ec2 and eks Describe; eks-auth:AssumeRoleForPodIdentity, a Read-level action',
  ),
  entry('AmazonEKSWorkerNodeMinimalPolicy', '', 'LOW', ['aws.read'], 'eks-auth:AssumeRoleForPodIdentity, a Read-level action'),
  entry('AmazonRoute53ReadOnlyAccess', '', 'LOW', ['aws.read'], 'route53 Get, List'),
  entry('AWSBillingReadOnlyAccess', '', 'LOW', ['aws.read'], 'billing and cost reads'),
];

export const MANAGED_POLICIES: readonly ManagedPolicy[] = [...ADMIN, ...HIGH, ...MEDIUM, ...LOW];

const BY_NAME = new Map(MANAGED_POLICIES.map((policy) => [policy.name.toLowerCase(), policy]));

/** The AWS-owned policy an ARN or bare name names, whatever path the ARN writes (`service-role/`, `job-function/`). */
export function managedPolicyName(arnOrName: string): string | null {
  const arn = /^arn:aws[a-z-]*:iam::aws:policy\/(?:[\w+=,.@-]+\/)*([\w+=,.@-]+)$/.exec(arnOrName.trim());
  if (arn) return arn[1];
  return /^[\w+=,.@-]+$/.test(arnOrName.trim()) ? arnOrName.trim() : null;
}

export function findManagedPolicy(arnOrName: string): ManagedPolicy | null {
  const name = managedPolicyName(arnOrName);
  return name ? (BY_NAME.get(name.toLowerCase()) ?? null) : null;
}

export function managedPolicyArn(policy: ManagedPolicy): string {
  return `arn:aws:iam::aws:policy/${policy.path}${policy.name}`;
}
