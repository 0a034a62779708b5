import { allowedResources, anyAllowed, isAllowed } from './evaluate';
import type { PermissionStatement } from './statement';

const allow = (actions: string[], resources?: string[], extra: Partial<PermissionStatement> = {}): PermissionStatement => ({
  effect: 'Allow',
  actions,
  ...(resources ? { resources } : {}),
  via: extra.via ?? `allow ${actions.join(',')}`,
  ...extra,
});
const deny = (actions: string[], resources?: string[], extra: Partial<PermissionStatement> = {}): PermissionStatement => ({
  effect: 'Deny',
  actions,
  ...(resources ? { resources } : {}),
  via: extra.via ?? `deny ${actions.join(',')}`,
  ...extra,
});

describe('isAllowed', () => {
  it('allows what an Allow covers, on all resources by default', () => {
    expect(isAllowed([allow(['iam:CreateAccessKey'], undefined, { via: 'inline policy ci' })], 'iam:CreateAccessKey')).toEqual({
      allowed: true,
      conditional: false,
      via: ['inline policy ci'],
    });
  });

  it('matches actions without regard to case, as IAM does', () => {
    expect(isAllowed([allow(['IAM:createaccesskey'])], 'iam:CreateAccessKey').allowed).toBe(true);
    expect(isAllowed([allow(['iam:Create*'])], 'iam:createaccesskey').allowed).toBe(true);
  });

  it('does not count an Allow on one resource as an Allow on *', () => {
    const statements = [allow(['s3:GetObject'], ['arn:aws:s3:::reports/*'])];
    expect(isAllowed(statements, 's3:GetObject').allowed).toBe(false);
    expect(isAllowed(statements, 's3:GetObject', 'arn:aws:s3:::reports/2024.csv').allowed).toBe(true);
    expect(isAllowed(statements, 's3:GetObject', 'arn:aws:s3:::payroll/2024.csv').allowed).toBe(false);
  });

  it('answers a narrow question from an Allow on *', () => {
    expect(isAllowed([allow(['s3:GetObject'])], 's3:GetObject', 'arn:aws:s3:::payroll/x').allowed).toBe(true);
  });

  it('lets an explicit Deny win over any Allow', () => {
    const statements = [allow(['*']), deny(['iam:*'])];
    expect(isAllowed(statements, 'iam:CreateAccessKey').allowed).toBe(false);
    expect(isAllowed(statements, 's3:PutObject').allowed).toBe(true);
  });

  it('reads a set of actions strictly: a Deny of part of it means the set is not allowed', () => {
    const statements = [allow(['*']), deny(['iam:*'])];
    expect(isAllowed(statements, '*').allowed).toBe(false);
    expect(isAllowed(statements, 's3:*').allowed).toBe(true);
  });

  it('ignores a Deny on a few resources when asked about *, but not when asked about those resources', () => {
    const statements = [allow(['s3:*']), deny(['s3:*'], ['arn:aws:s3:::audit-logs/*'])];
    expect(isAllowed(statements, 's3:GetObject').allowed).toBe(true);
    expect(isAllowed(statements, 's3:GetObject', 'arn:aws:s3:::audit-logs/day1').allowed).toBe(false);
  });

  it('does not let a conditional Deny cancel an Allow', () => {
    const statements = [allow(['iam:CreateAccessKey']), deny(['iam:*'], undefined, { conditional: true })];
    expect(isAllowed(statements, 'iam:CreateAccessKey').allowed).toBe(true);
  });

  it('counts a conditional Allow and says it is conditional', () => {
    const decision = isAllowed([allow(['iam:PassRole'], undefined, { conditional: true, via: 'managed policy X' })], 'iam:PassRole');
    expect(decision).toEqual({ allowed: true, conditional: true, via: ['managed policy X'] });
  });

  it('is unconditional when any unconditional Allow grants it, and names that one', () => {
    const decision = isAllowed(
      [allow(['iam:PassRole'], undefined, { conditional: true, via: 'maybe' }), allow(['iam:*'], undefined, { via: 'surely' })],
      'iam:PassRole',
    );
    expect(decision).toEqual({ allowed: true, conditional: false, via: ['surely'] });
  });

  it('reads NotAction as every action except those', () => {
    const statements: PermissionStatement[] = [{ effect: 'Allow', notActions: ['iam:*', 'organizations:*'], via: 'power user' }];
    expect(isAllowed(statements, 's3:DeleteBucket').allowed).toBe(true);
    expect(isAllowed(statements, 'iam:PassRole').allowed).toBe(false);
    expect(isAllowed(statements, 's3:*').allowed).toBe(true);
    expect(isAllowed(statements, '*').allowed).toBe(false);
  });

  it('reads a NotAction Deny as denying everything but those', () => {
    const statements: PermissionStatement[] = [allow(['*']), { effect: 'Deny', notActions: ['s3:GetObject'], via: 'only reads' }];
    expect(isAllowed(statements, 's3:GetObject').allowed).toBe(true);
    expect(isAllowed(statements, 'iam:PassRole').allowed).toBe(false);
  });

  it('reads NotResource as every resource except those', () => {
    const statements: PermissionStatement[] = [
      { effect: 'Allow', actions: ['s3:GetObject'], notResources: ['arn:aws:s3:::payroll/*'], via: 'all but payroll' },
    ];
    expect(isAllowed(statements, 's3:GetObject').allowed).toBe(true);
    expect(isAllowed(statements, 's3:GetObject', 'arn:aws:s3:::payroll/x').allowed).toBe(false);
    expect(isAllowed(statements, 's3:GetObject', 'arn:aws:s3:::reports/x').allowed).toBe(true);
  });

  it('cancels a broad Allow with a Deny on every resource but one', () => {
    const statements: PermissionStatement[] = [
      allow(['s3:GetObject']),
      { effect: 'Deny', actions: ['s3:GetObject'], notResources: ['arn:aws:s3:::public/*'], via: 'only public' },
    ];
    expect(isAllowed(statements, 's3:GetObject').allowed).toBe(false);
    expect(isAllowed(statements, 's3:GetObject', 'arn:aws:s3:::public/x').allowed).toBe(true);
  });

  it('ignores statements known only by a managed policy ARN', () => {
    const statements: PermissionStatement[] = [
      { effect: 'Allow', managedPolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess', via: 'managed policy AdministratorAccess' },
    ];
    expect(isAllowed(statements, '*').allowed).toBe(false);
  });

  it('allows nothing from an empty action list', () => {
    expect(isAllowed([allow([])], 's3:GetObject').allowed).toBe(false);
  });
});

describe('anyAllowed', () => {
  it('says which of the listed actions are allowed', () => {
    const decision = anyAllowed([allow(['iam:Attach*Policy'])], ['iam:AttachUserPolicy', 'iam:PutUserPolicy', 'iam:AttachRolePolicy']);
    expect(decision.allowed).toBe(true);
    expect(decision.actions).toEqual(['iam:AttachUserPolicy', 'iam:AttachRolePolicy']);
  });

  it('is not allowed when none is', () => {
    expect(anyAllowed([allow(['s3:GetObject'])], ['iam:AttachUserPolicy'])).toEqual({
      allowed: false,
      conditional: false,
      via: [],
      actions: [],
    });
  });
});

describe('allowedResources', () => {
  it('lists where an action is allowed, leaving out what a Deny removes', () => {
    const statements = [
      allow(['iam:PassRole'], ['arn:aws:iam::1:role/app-*', 'arn:aws:iam::1:role/admin']),
      deny(['iam:PassRole'], ['arn:aws:iam::1:role/admin']),
    ];
    expect(allowedResources(statements, 'iam:PassRole').map((grant) => grant.resource)).toEqual(['arn:aws:iam::1:role/app-*']);
  });
});
