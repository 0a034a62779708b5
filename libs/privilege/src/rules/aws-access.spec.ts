import type { PermissionStatement } from '../statement';
import {
  awsAlmostAllActions,
  awsBroadDataRead,
  awsBroadSecretRead,
  awsComputeTakeover,
  awsFullAdmin,
  awsRead,
  awsServiceWildcard,
  awsUnrecognisedAction,
  awsWrite,
} from './aws-access';

const allow = (actions: string[], resources?: string[], via = 'inline policy app'): PermissionStatement => ({
  effect: 'Allow',
  actions,
  ...(resources ? { resources } : {}),
  via,
});
const deny = (actions: string[], resources?: string[]): PermissionStatement => ({
  effect: 'Deny',
  actions,
  ...(resources ? { resources } : {}),
  via: 'guardrail',
});
const evidenceOf = (rule: { judge: (s: PermissionStatement[]) => Array<{ evidence: string }> }, statements: PermissionStatement[]) =>
  rule.judge(statements).map((finding) => finding.evidence);

describe('aws.full-admin', () => {
  it('fires for * on *', () => {
    expect(evidenceOf(awsFullAdmin, [allow(['*'], undefined, 'managed policy AdministratorAccess')])).toEqual([
      '* allowed on * via managed policy AdministratorAccess',
    ]);
  });

  it('does not fire when a Deny takes any action away, nor for * on one resource', () => {
    expect(awsFullAdmin.judge([allow(['*']), deny(['s3:DeleteBucket'])])).toEqual([]);
    expect(awsFullAdmin.judge([allow(['*'], ['arn:aws:s3:::scratch/*'])])).toEqual([]);
  });

  it('still fires when a Deny protects a few resources only', () => {
    expect(awsFullAdmin.judge([allow(['*']), deny(['*'], ['arn:aws:s3:::audit/*'])])).toHaveLength(1);
  });
});

describe('aws.almost-all-actions', () => {
  it('fires for NotAction on every resource', () => {
    expect(
      evidenceOf(awsAlmostAllActions, [
        { effect: 'Allow', notActions: ['iam:*', 'organizations:*'], via: 'managed policy PowerUserAccess' },
      ]),
    ).toEqual(['every action except iam:*, organizations:* allowed on * via managed policy PowerUserAccess']);
  });

  it('fires for * less a Deny, naming what the Deny removes', () => {
    expect(evidenceOf(awsAlmostAllActions, [allow(['*']), deny(['iam:*'])])).toEqual([
      '* allowed on * via inline policy app, less what Deny removes (iam:*)',
    ]);
  });

  it('does not fire for full admin', () => {
    expect(awsAlmostAllActions.judge([allow(['*'])])).toEqual([]);
  });
});

describe('aws.service-wildcard', () => {
  it('fires for a whole service on *, even with part of it denied', () => {
    expect(evidenceOf(awsServiceWildcard, [allow(['s3:*', 'sqs:*']), deny(['s3:DeleteBucket'])])).toEqual([
      's3:*, sqs:* allowed on * via inline policy app',
    ]);
  });

  it('does not fire on one bucket', () => {
    expect(awsServiceWildcard.judge([allow(['s3:*'], ['arn:aws:s3:::scratch'])])).toEqual([]);
  });
});

describe('broad reads', () => {
  it('fires for secret reads on * or on every secret', () => {
    expect(evidenceOf(awsBroadSecretRead, [allow(['secretsmanager:GetSecretValue'], ['arn:aws:secretsmanager:*:*:secret:*'])])).toEqual([
      'secretsmanager:GetSecretValue allowed on arn:aws:secretsmanager:*:*:secret:* via inline policy app',
    ]);
    expect(awsBroadSecretRead.judge([allow(['kms:Decrypt'])])).toHaveLength(1);
  });

  it('does not fire for one secret or one bucket', () => {
    expect(
      awsBroadSecretRead.judge([allow(['secretsmanager:GetSecretValue'], ['arn:aws:secretsmanager:eu-west-1:1:secret:db-*'])]),
    ).toEqual([]);
    expect(awsBroadDataRead.judge([allow(['s3:GetObject'], ['arn:aws:s3:::reports/*'])])).toEqual([]);
  });

  it('fires for object and item reads on *', () => {
    expect(evidenceOf(awsBroadDataRead, [allow(['s3:Get*', 'dynamodb:Scan'])])).toEqual([
      's3:GetObject, s3:GetObjectVersion, dynamodb:Scan allowed on * via inline policy app',
    ]);
  });
});

describe('aws.compute-takeover', () => {
  it('fires for running commands on every instance', () => {
    expect(evidenceOf(awsComputeTakeover, [allow(['ssm:SendCommand'])])).toEqual(['ssm:SendCommand allowed on * via inline policy app']);
  });

  it('does not fire for one function', () => {
    expect(awsComputeTakeover.judge([allow(['lambda:UpdateFunctionCode'], ['arn:aws:lambda:eu-west-1:1:function:app'])])).toEqual([]);
  });
});

describe('aws.write, aws.read, unknown-action', () => {
  const statements = [
    allow(['s3:PutObject', 's3:GetObject'], ['arn:aws:s3:::uploads/*']),
    allow(['sqs:SendMessage'], ['arn:aws:sqs:eu-west-1:1:jobs']),
    allow(['frobnicate']),
  ];

  it('classes each granted action by its verb', () => {
    expect(evidenceOf(awsWrite, statements)).toEqual([
      's3:PutObject allowed on arn:aws:s3:::uploads/* via inline policy app',
      'sqs:SendMessage allowed on arn:aws:sqs:eu-west-1:1:jobs via inline policy app',
    ]);
    expect(evidenceOf(awsRead, statements)).toEqual(['s3:GetObject allowed on arn:aws:s3:::uploads/* via inline policy app']);
    expect(evidenceOf(awsUnrecognisedAction, statements)).toEqual(['frobnicate allowed on * via inline policy app']);
  });

  it('leaves out what a Deny removes', () => {
    expect(awsWrite.judge([allow(['s3:PutObject']), deny(['s3:*'])])).toEqual([]);
  });
});
