import type { PermissionStatement } from '../statement';
import { broadlyAllowed, groupedEvidence, narrowlyAllowed } from './reach';

const allow = (actions: string[], resources: string[], via: string): PermissionStatement => ({ effect: 'Allow', actions, resources, via });

describe('reach', () => {
  it('takes * or the type-wide pattern as every resource, not an account-specific one', () => {
    expect(broadlyAllowed([allow(['iam:PassRole'], ['*'], 'a')], 'iam:PassRole', 'arn:aws:iam::*:role/*')?.resource).toBe('*');
    expect(
      broadlyAllowed([allow(['iam:PassRole'], ['arn:aws:iam::*:role/*'], 'a')], 'iam:PassRole', 'arn:aws:iam::*:role/*')?.resource,
    ).toBe('arn:aws:iam::*:role/*');
    expect(
      broadlyAllowed([allow(['iam:PassRole'], ['arn:aws:iam::123456789012:role/*'], 'a')], 'iam:PassRole', 'arn:aws:iam::*:role/*'),
    ).toBeNull();
  });

  it('lists the narrower places an action is allowed', () => {
    const reaches = narrowlyAllowed([allow(['iam:PassRole'], ['arn:aws:iam::1:role/a', 'arn:aws:iam::1:role/b'], 'p')], 'iam:PassRole');
    expect(reaches.map((reach) => reach.resource)).toEqual(['arn:aws:iam::1:role/a', 'arn:aws:iam::1:role/b']);
  });

  it('writes one line per resource and granting statements, with an optional suffix', () => {
    const statements = [
      allow(['iam:CreateAccessKey', 'iam:CreateLoginProfile'], ['arn:aws:iam::1:user/x'], 'p'),
      allow(['iam:AddUserToGroup'], ['arn:aws:iam::1:group/g'], 'q'),
    ];
    const reaches = ['iam:CreateAccessKey', 'iam:CreateLoginProfile', 'iam:AddUserToGroup'].flatMap((action) =>
      narrowlyAllowed(statements, action),
    );
    expect(groupedEvidence(reaches, ' (named)')).toEqual([
      'iam:CreateAccessKey, iam:CreateLoginProfile allowed on arn:aws:iam::1:user/x via p (named)',
      'iam:AddUserToGroup allowed on arn:aws:iam::1:group/g via q (named)',
    ]);
  });
});
