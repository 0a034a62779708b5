import type { PermissionStatement } from '@nhi/privilege';
import { fitPermissions } from './fit-permissions';

const role = { provider: 'aws', externalId: 'arn:aws:iam::123456789012:role/r', kind: 'aws iam role', name: 'r' };
const actions = (n: number, prefix = 'svc') => Array.from({ length: n }, (_, i) => `${prefix}${i}:Get*`);
const allow = (fields: Partial<PermissionStatement>): PermissionStatement => ({
  effect: 'Allow',
  via: 'managed policy ReadOnlyAccess',
  ...fields,
});

describe('fitPermissions', () => {
  it('splits a statement of more than 1,000 actions into statements meaning the same, keeping resources, condition and via', () => {
    const big = allow({ actions: actions(2500), resources: ['*'], conditional: true });
    const { row, problems } = fitPermissions({ ...role, permissions: [big] }, 'here');

    expect(problems).toEqual([]);
    expect(row.permissions?.map((s) => s.actions?.length)).toEqual([1000, 1000, 500]);
    expect(row.permissions?.flatMap((s) => s.actions)).toEqual(big.actions);
    expect(row.permissions?.every((s) => s.conditional && s.via === big.via && s.resources?.[0] === '*')).toBe(true);
  });

  it('splits a long resource list too, and leaves a row within the limits as it is', () => {
    const many = allow({ actions: ['s3:GetObject'], resources: actions(1001, 'arn:aws:s3:::b') });
    expect(fitPermissions({ ...role, permissions: [many] }, 'here').row.permissions?.map((s) => s.resources?.length)).toEqual([1000, 1]);
    const small = { ...role, permissions: [allow({ actions: ['s3:GetObject'] })] };
    expect(fitPermissions(small, 'here').row).toBe(small);
  });

  it('past 500 statements keeps every Deny before the Allows and says privilege may be understated', () => {
    const statements = [
      ...Array.from({ length: 600 }, (_, i) => allow({ actions: [`s${i}:Get*`] })),
      { effect: 'Deny' as const, actions: ['iam:*'], via: 'boundary' },
    ];
    const { row, problems } = fitPermissions({ ...role, permissions: statements }, 'RoleDetailList[3]');

    expect(row.permissions).toHaveLength(500);
    expect(row.permissions?.[0]).toEqual({ effect: 'Deny', actions: ['iam:*'], via: 'boundary' });
    expect(problems).toEqual([
      {
        location: 'RoleDetailList[3]',
        problem: '601 permission statements, more than 500: kept the Deny ones and the first Allow ones; privilege may be understated',
      },
    ]);
  });
});
