import { describeStatements } from './describe';
import type { PermissionStatement } from './statement';

describe('describeStatements', () => {
  it('writes one compact line per statement', () => {
    const statements: PermissionStatement[] = [
      { effect: 'Allow', actions: ['iam:PassRole', 'ec2:RunInstances'], conditional: true, via: 'inline policy deploy' },
      { effect: 'Deny', actions: ['s3:DeleteBucket'], resources: ['arn:aws:s3:::prod-*'], via: 'inline policy guardrail' },
      { effect: 'Allow', notActions: ['iam:*', 'organizations:*'], via: 'managed policy PowerUserAccess' },
      { effect: 'Allow', actions: ['s3:GetObject'], notResources: ['arn:aws:s3:::payroll/*'], via: '' },
      { effect: 'Allow', managedPolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess', via: 'managed policy ReadOnlyAccess' },
    ];
    expect(describeStatements(statements)).toEqual([
      'Allow iam:PassRole, ec2:RunInstances on * (conditional) via inline policy deploy',
      'Deny s3:DeleteBucket on arn:aws:s3:::prod-* via inline policy guardrail',
      'Allow every action except iam:*, organizations:* on * via managed policy PowerUserAccess',
      'Allow s3:GetObject on every resource except arn:aws:s3:::payroll/*',
      'Allow managed policy arn:aws:iam::aws:policy/ReadOnlyAccess (document not exported) via managed policy ReadOnlyAccess',
    ]);
  });

  it('bounds the number of lines and says how many were left out', () => {
    const statements = Array.from({ length: 12 }, (_, i): PermissionStatement => ({
      effect: 'Allow',
      actions: [`sqs:SendMessage`],
      resources: [`q${i}`],
      via: 'p',
    }));
    const lines = describeStatements(statements, { maxLines: 5 });
    expect(lines).toHaveLength(5);
    expect(lines[4]).toBe('… and 8 more statements');
  });

  it('bounds each line and each list of names', () => {
    const actions = Array.from({ length: 40 }, (_, i) => `service${i}:DoSomethingRatherLong${i}`);
    const [line] = describeStatements([{ effect: 'Allow', actions, via: 'inline policy big' }], { maxLineLength: 120 });
    expect(line.length).toBeLessThanOrEqual(120);
    expect(line.startsWith('Allow service0:DoSomethingRatherLong0, ')).toBe(true);
    expect(describeStatements([{ effect: 'Allow', actions, via: 'p' }], { maxLineLength: 1000 })[0]).toContain('and 34 more');
  });

  it('writes identical statements once', () => {
    const statement: PermissionStatement = { effect: 'Allow', actions: ['s3:GetObject'], via: 'p' };
    expect(describeStatements([statement, { ...statement }])).toEqual(['Allow s3:GetObject on * via p']);
  });
});
