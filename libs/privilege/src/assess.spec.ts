import { assessPrivilege, MAX_REASONS } from './assess';
import type { PermissionStatement } from './statement';

const allow = (actions: string[], via: string, extra: Partial<PermissionStatement> = {}): PermissionStatement => ({
  effect: 'Allow',
  actions,
  via,
  ...extra,
});

describe('assessPrivilege', () => {
  it('is null without statements', () => {
    expect(assessPrivilege('aws', [])).toBeNull();
  });

  it('takes the highest level any rule reaches and gives only the reasons at that level', () => {
    const assessment = assessPrivilege('aws', [
      allow(['s3:GetObject'], 'inline policy reader', { resources: ['arn:aws:s3:::reports/*'] }),
      allow(['iam:CreateAccessKey'], 'inline policy ci-deploy'),
    ]);
    expect(assessment).toEqual({
      level: 'ADMIN',
      reasons: [{ rule: 'aws.privilege-escalation', evidence: 'iam:CreateAccessKey allowed on * via inline policy ci-deploy' }],
    });
  });

  it('lists the most specific rule first', () => {
    const reasons = assessPrivilege('aws', [allow(['*'], 'managed policy AdministratorAccess')])!.reasons.map((reason) => reason.rule);
    expect(reasons[0]).toBe('aws.full-admin');
  });

  it('says a conditional grant is conditional, and still counts it', () => {
    const assessment = assessPrivilege('aws', [allow(['iam:AttachRolePolicy'], 'inline policy break-glass', { conditional: true })]);
    expect(assessment?.level).toBe('ADMIN');
    expect(assessment?.reasons[0].evidence).toBe('iam:AttachRolePolicy allowed on * (conditional) via inline policy break-glass');
  });

  it('drops a reason when a Deny removes the dangerous action', () => {
    const assessment = assessPrivilege('aws', [
      allow(['iam:CreateAccessKey', 'sqs:SendMessage'], 'inline policy app'),
      { effect: 'Deny', actions: ['iam:CreateAccessKey'], via: 'permissions guardrail' },
    ]);
    expect(assessment).toEqual({
      level: 'MEDIUM',
      reasons: [{ rule: 'aws.write', evidence: 'sqs:SendMessage allowed on * via inline policy app' }],
    });
  });

  it('keeps at most a bounded number of reasons, without repeats', () => {
    const statements = Array.from({ length: 30 }, (_, i) => allow(['iam:CreateAccessKey'], `inline policy p${i}`));
    const assessment = assessPrivilege('aws', [...statements, ...statements]);
    expect(assessment?.reasons).toHaveLength(1);
    const many = Array.from({ length: 30 }, (_, i) =>
      allow([`sqs:SendMessage`], `inline policy p${i}`, { resources: [`arn:aws:sqs:eu-west-1:1:q${i}`] }),
    );
    expect(assessPrivilege('aws', many)?.reasons).toHaveLength(MAX_REASONS);
  });

  it('is LOW with a reason when nothing is left allowed', () => {
    expect(assessPrivilege('aws', [allow(['s3:*'], 'app'), { effect: 'Deny', actions: ['*'], via: 'quarantine' }])).toEqual({
      level: 'LOW',
      reasons: [{ rule: 'nothing-allowed', evidence: 'no statement allows anything once Deny statements apply' }],
    });
  });

  it('judges each provider by its own rules', () => {
    expect(assessPrivilege('gcp', [allow(['gcp:roles/owner'], 'binding', { resources: ['projects/p'] })])?.reasons[0].rule).toBe(
      'gcp.owner',
    );
    expect(assessPrivilege('k8s', [allow(['k8s:*/*:*'], 'crb', { resources: ['*'] })])?.reasons[0].rule).toBe('k8s.cluster-admin');
  });
});
