import type { PermissionStatement } from '../statement';
import { awsPrivilegeEscalation, awsPrivilegeEscalationScoped, ESCALATION_ACTIONS } from './aws-escalation';

const allow = (actions: string[], resources?: string[]): PermissionStatement => ({
  effect: 'Allow',
  actions,
  ...(resources ? { resources } : {}),
  via: 'inline policy ci-deploy',
});

describe('aws.privilege-escalation', () => {
  it.each(ESCALATION_ACTIONS.map(({ action }) => action))('fires for %s alone on *', (action) => {
    expect(awsPrivilegeEscalation.judge([allow([action])])).toEqual([
      { rule: 'aws.privilege-escalation', level: 'ADMIN', evidence: `${action} allowed on * via inline policy ci-deploy` },
    ]);
  });

  it('groups the actions one statement grants into one reason', () => {
    const [finding] = awsPrivilegeEscalation.judge([allow(['iam:AttachUserPolicy', 'iam:CreateAccessKey'])]);
    expect(finding.evidence).toBe('iam:AttachUserPolicy, iam:CreateAccessKey allowed on * via inline policy ci-deploy');
  });

  it('takes the type-wide ARN (every user) as every resource', () => {
    expect(awsPrivilegeEscalation.judge([allow(['iam:CreateLoginProfile'], ['arn:aws:iam::*:user/*'])])[0].evidence).toContain(
      'allowed on arn:aws:iam::*:user/*',
    );
  });

  it('takes every user of one account (the account holding the identity and its admins) as every resource; a path or a name stays scoped', () => {
    const accountWide = allow(['iam:AttachUserPolicy'], ['arn:aws:iam::123456789012:user/*']);
    expect(awsPrivilegeEscalation.judge([accountWide])[0]?.evidence).toContain('allowed on arn:aws:iam::123456789012:user/*');
    expect(awsPrivilegeEscalationScoped.judge([accountWide])).toEqual([]);
    const onPath = allow(['iam:AttachUserPolicy'], ['arn:aws:iam::123456789012:user/service/*']);
    expect(awsPrivilegeEscalation.judge([onPath])).toEqual([]);
    expect(awsPrivilegeEscalationScoped.judge([onPath])).toHaveLength(1);
  });

  it('is gone when a Deny removes the action', () => {
    const statements: PermissionStatement[] = [allow(['iam:*']), { effect: 'Deny', actions: ['iam:*'], via: 'scp copy' }];
    expect(awsPrivilegeEscalation.judge(statements)).toEqual([]);
  });

  it('does not fire for IAM reads', () => {
    expect(awsPrivilegeEscalation.judge([allow(['iam:Get*', 'iam:List*'])])).toEqual([]);
  });
});

describe('aws.privilege-escalation-scoped', () => {
  it('fires for escalation actions on named principals, and says so', () => {
    const [finding] = awsPrivilegeEscalationScoped.judge([allow(['iam:AttachRolePolicy'], ['arn:aws:iam::123456789012:role/app'])]);
    expect(finding).toEqual({
      rule: 'aws.privilege-escalation-scoped',
      level: 'HIGH',
      evidence: 'iam:AttachRolePolicy allowed on arn:aws:iam::123456789012:role/app via inline policy ci-deploy (named principals only)',
    });
  });

  it('stays quiet when the action is also allowed everywhere (the ADMIN rule speaks)', () => {
    expect(
      awsPrivilegeEscalationScoped.judge([allow(['iam:CreateAccessKey']), allow(['iam:CreateAccessKey'], ['arn:aws:iam::1:user/a'])]),
    ).toEqual([]);
  });

  it('ignores an identity managing its own keys', () => {
    expect(awsPrivilegeEscalationScoped.judge([allow(['iam:CreateAccessKey'], ['arn:aws:iam::*:user/${aws:username}'])])).toEqual([]);
  });
});
