import type { PermissionStatement } from '../statement';
import { awsManagedPolicy, awsUnknownManagedPolicy } from './aws-managed-policy';
import { findManagedPolicy, MANAGED_POLICIES, managedPolicyArn } from './aws-managed-policy-table';

const byArn = (arn: string, extra: Partial<PermissionStatement> = {}): PermissionStatement => ({
  effect: 'Allow',
  managedPolicyArn: arn,
  via: 'managed policy',
  ...extra,
});

describe('the managed policy table', () => {
  it('ships the commonly attached policies', () => {
    expect(MANAGED_POLICIES.length).toBeGreaterThanOrEqual(60);
    for (const name of [
      'AdministratorAccess',
      'PowerUserAccess',
      'IAMFullAccess',
      'ReadOnlyAccess',
      'ViewOnlyAccess',
      'SecurityAudit',
      'AmazonS3FullAccess',
      'AmazonS3ReadOnlyAccess',
      'AmazonEC2FullAccess',
      'AWSLambda_FullAccess',
      'AmazonSSMManagedInstanceCore',
      'AmazonEKSClusterPolicy',
      'AmazonEKSWorkerNodePolicy',
      'AWSLambdaBasicExecutionRole',
      'SecretsManagerReadWrite',
      'AmazonDynamoDBFullAccess',
    ]) {
      expect(findManagedPolicy(name)?.name).toBe(name);
    }
  });

  it('names each policy once, with a why and the rules its document trips', () => {
    expect(new Set(MANAGED_POLICIES.map((p) => p.name.toLowerCase())).size).toBe(MANAGED_POLICIES.length);
    for (const policy of MANAGED_POLICIES) {
      expect(policy.why.length).toBeGreaterThan(5);
      expect(policy.rules.length).toBeGreaterThan(0);
    }
  });

  it('finds a policy by either ARN form, or by name, ignoring the path', () => {
    expect(findManagedPolicy('arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore')?.level).toBe('HIGH');
    expect(findManagedPolicy('arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole')?.level).toBe('MEDIUM');
    expect(findManagedPolicy('arn:aws:iam::aws:policy/job-function/ViewOnlyAccess')?.level).toBe('LOW');
    expect(findManagedPolicy('administratoraccess')?.level).toBe('ADMIN');
  });

  it('does not find a customer policy that borrows an AWS name', () => {
    expect(findManagedPolicy('arn:aws:iam::123456789012:policy/AdministratorAccess')).toBeNull();
  });

  it('writes the ARN with its path', () => {
    expect(managedPolicyArn(findManagedPolicy('AWSLambdaBasicExecutionRole')!)).toBe(
      'arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole',
    );
  });
});

describe('aws.managed-policy', () => {
  it('judges a policy known only by ARN by the table, with the why and the rules', () => {
    expect(
      awsManagedPolicy.judge([
        byArn('arn:aws:iam::aws:policy/AmazonSSMManagedInstanceCore', { via: 'managed policy AmazonSSMManagedInstanceCore' }),
      ]),
    ).toEqual([
      {
        rule: 'aws.managed-policy',
        level: 'HIGH',
        evidence:
          'AWS managed policy AmazonSSMManagedInstanceCore: ssm:GetParameter, ssm:GetParameters on *: every SSM parameter; the rest is the agent reporting in [as aws.broad-secret-read] via managed policy AmazonSSMManagedInstanceCore',
      },
    ]);
  });

  it('leaves a statement that carries the document to the other rules', () => {
    expect(awsManagedPolicy.judge([byArn('arn:aws:iam::aws:policy/AdministratorAccess', { actions: ['s3:GetObject'] })])).toEqual([]);
  });

  it('never judges by the letters of a name: a policy named like a manager is not in the table', () => {
    expect(awsManagedPolicy.judge([byArn('arn:aws:iam::aws:policy/TotallyManagedAdminRootPolicy')])).toEqual([]);
  });
});

describe('aws.unknown-managed-policy', () => {
  it('reports an ARN the table lacks at MEDIUM', () => {
    expect(
      awsUnknownManagedPolicy.judge([byArn('arn:aws:iam::123456789012:policy/ci-deploy', { via: 'managed policy ci-deploy' })]),
    ).toEqual([
      {
        rule: 'aws.unknown-managed-policy',
        level: 'MEDIUM',
        evidence: 'unknown managed policy arn:aws:iam::123456789012:policy/ci-deploy, no document to judge via managed policy ci-deploy',
      },
    ]);
  });

  it('stays quiet for a known policy', () => {
    expect(awsUnknownManagedPolicy.judge([byArn('arn:aws:iam::aws:policy/ReadOnlyAccess')])).toEqual([]);
  });
});
