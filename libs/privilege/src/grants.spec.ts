import { reachesEverything, resourceText, survivingGrants } from './grants';
import type { PermissionStatement } from './statement';

describe('survivingGrants', () => {
  it('lists each action pattern of each Allow', () => {
    const grants = survivingGrants([
      { effect: 'Allow', actions: ['s3:GetObject', 's3:PutObject'], resources: ['arn:aws:s3:::b/*'], via: 'p' },
    ]);
    expect(grants.map((grant) => grant.action)).toEqual(['s3:GetObject', 's3:PutObject']);
    expect(grants[0].resources).toEqual(['arn:aws:s3:::b/*']);
  });

  it('drops a pattern a Deny removes everywhere the Allow reaches', () => {
    const statements: PermissionStatement[] = [
      { effect: 'Allow', actions: ['s3:GetObject', 'iam:PassRole'], via: 'p' },
      { effect: 'Deny', actions: ['iam:*'], via: 'guardrail' },
    ];
    expect(survivingGrants(statements).map((grant) => grant.action)).toEqual(['s3:GetObject']);
  });

  it('keeps a pattern a Deny removes only in part', () => {
    const statements: PermissionStatement[] = [
      { effect: 'Allow', actions: ['s3:*'], via: 'p' },
      { effect: 'Deny', actions: ['s3:DeleteBucket'], via: 'guardrail' },
      { effect: 'Deny', actions: ['s3:*'], resources: ['arn:aws:s3:::audit/*'], via: 'audit' },
    ];
    expect(survivingGrants(statements).map((grant) => grant.action)).toEqual(['s3:*']);
  });

  it('keeps what a conditional Deny would remove', () => {
    const statements: PermissionStatement[] = [
      { effect: 'Allow', actions: ['iam:PassRole'], via: 'p' },
      { effect: 'Deny', actions: ['*'], conditional: true, via: 'mfa' },
    ];
    expect(survivingGrants(statements)).toHaveLength(1);
  });

  it('reads NotAction and NotResource as "everything but"', () => {
    const [grant] = survivingGrants([{ effect: 'Allow', notActions: ['iam:*'], notResources: ['arn:aws:s3:::payroll/*'], via: 'p' }]);
    expect(grant).toMatchObject({ action: '*', except: ['iam:*'], resources: ['*'], exceptResources: ['arn:aws:s3:::payroll/*'] });
    expect(reachesEverything(grant)).toBe(true);
    expect(resourceText(grant)).toBe('every resource except arn:aws:s3:::payroll/*');
  });

  it('drops a NotAction grant only under a Deny of every action', () => {
    const notIam: PermissionStatement = { effect: 'Allow', notActions: ['iam:*'], via: 'p' };
    expect(survivingGrants([notIam, { effect: 'Deny', actions: ['s3:*'], via: 'd' }])).toHaveLength(1);
    expect(survivingGrants([notIam, { effect: 'Deny', actions: ['*'], via: 'd' }])).toHaveLength(0);
  });
});
