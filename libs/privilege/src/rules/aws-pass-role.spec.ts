import type { PermissionStatement } from '../statement';
import { awsPassRoleEscalation, awsPassRoleScoped, COMPUTE_CREATE } from './aws-pass-role';

const allow = (actions: string[], resources?: string[], via = 'inline policy deploy', conditional = false): PermissionStatement => ({
  effect: 'Allow',
  actions,
  ...(resources ? { resources } : {}),
  ...(conditional ? { conditional } : {}),
  via,
});

describe('aws.pass-role-escalation', () => {
  it.each(COMPUTE_CREATE.map((way) => [...way.all, ...(way.anyOf ? [way.anyOf[0]] : [])]))(
    'fires for iam:PassRole with %s',
    (...actions) => {
      expect(awsPassRoleEscalation.judge([allow(['iam:PassRole', ...actions])])).toHaveLength(1);
    },
  );

  it('does not fire for iam:PassRole alone', () => {
    expect(awsPassRoleEscalation.judge([allow(['iam:PassRole'])])).toEqual([]);
  });

  it('does not fire for a compute action without iam:PassRole', () => {
    expect(awsPassRoleEscalation.judge([allow(['ec2:RunInstances', 'lambda:*'])])).toEqual([]);
  });

  it('needs both Data Pipeline actions', () => {
    expect(awsPassRoleEscalation.judge([allow(['iam:PassRole', 'datapipeline:CreatePipeline'])])).toEqual([]);
    expect(
      awsPassRoleEscalation.judge([allow(['iam:PassRole', 'datapipeline:CreatePipeline', 'datapipeline:PutPipelineDefinition'])]),
    ).toHaveLength(1);
  });

  it('names the pass, the compute and every statement involved, conditional when any part is', () => {
    const [finding] = awsPassRoleEscalation.judge([
      allow(['iam:PassRole'], ['arn:aws:iam::*:role/*'], 'managed policy AWSLambda_FullAccess', true),
      allow(['lambda:CreateFunction', 'lambda:InvokeFunction'], ['arn:aws:lambda:*:*:function:*'], 'inline policy functions'),
    ]);
    expect(finding.evidence).toBe(
      'iam:PassRole on arn:aws:iam::*:role/* with lambda:CreateFunction + lambda:InvokeFunction (conditional) via managed policy AWSLambda_FullAccess, inline policy functions',
    );
  });

  it('is gone when a Deny removes iam:PassRole', () => {
    const statements: PermissionStatement[] = [
      allow(['iam:PassRole', 'ec2:RunInstances']),
      { effect: 'Deny', actions: ['iam:PassRole'], via: 'guardrail' },
    ];
    expect(awsPassRoleEscalation.judge(statements)).toEqual([]);
  });
});

describe('aws.pass-role-scoped', () => {
  it('fires for iam:PassRole on named roles with a compute action', () => {
    const [finding] = awsPassRoleScoped.judge([
      allow(['iam:PassRole'], ['arn:aws:iam::123456789012:role/app-*']),
      allow(['ec2:RunInstances']),
    ]);
    expect(finding.rule).toBe('aws.pass-role-scoped');
    expect(finding.evidence).toContain('iam:PassRole on arn:aws:iam::123456789012:role/app-* with ec2:RunInstances');
  });

  it('stays quiet when iam:PassRole reaches every role', () => {
    expect(awsPassRoleScoped.judge([allow(['iam:PassRole', 'ec2:RunInstances'])])).toEqual([]);
  });
});
