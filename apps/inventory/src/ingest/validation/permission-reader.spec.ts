import { permissionList } from './permission-reader';
import { RowError } from './row-error';

function reason(value: unknown): string {
  try {
    permissionList(value);
  } catch (error) {
    if (error instanceof RowError) return error.message;
    throw error;
  }
  return 'accepted';
}

describe('permissionList', () => {
  it('reads statements as sent, leaving out what they do not say', () => {
    expect(
      permissionList([
        {
          effect: 'Allow',
          actions: ['iam:CreateAccessKey'],
          resources: ['arn:aws:iam::123456789012:user/*'],
          via: 'inline policy ci',
          conditional: true,
        },
        { effect: 'Allow', managedPolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess', via: 'managed policy AdministratorAccess' },
        { effect: 'Allow', actions: ['azure:User Access Administrator'], resources: ['/subscriptions/1'], via: 'role assignment' },
      ]),
    ).toEqual([
      {
        effect: 'Allow',
        actions: ['iam:CreateAccessKey'],
        resources: ['arn:aws:iam::123456789012:user/*'],
        via: 'inline policy ci',
        conditional: true,
      },
      { effect: 'Allow', managedPolicyArn: 'arn:aws:iam::aws:policy/AdministratorAccess', via: 'managed policy AdministratorAccess' },
      { effect: 'Allow', actions: ['azure:User Access Administrator'], resources: ['/subscriptions/1'], via: 'role assignment' },
    ]);
  });

  it('says which statement and field is wrong', () => {
    expect(reason([{ effect: 'Maybe', actions: ['s3:*'], via: 'x' }])).toBe('permissions[0].effect must be Allow or Deny');
    expect(reason([{ effect: 'Allow', via: 'x' }])).toBe('permissions[0] needs exactly one of actions, notActions and managedPolicyArn');
    expect(reason([{ effect: 'Allow', actions: ['s3:Get"Object'], via: 'x' }])).toBe(
      'permissions[0].actions[0] holds characters an action name cannot have',
    );
    expect(reason([{ effect: 'Allow', actions: ['*'], resources: ['*'], notResources: ['a'], via: 'x' }])).toBe(
      'permissions[0] may have resources or notResources, not both',
    );
    expect(reason([{ effect: 'Allow', managedPolicyArn: 'AdministratorAccess', via: 'x' }])).toMatch(
      /managedPolicyArn must be an IAM policy ARN/,
    );
  });
});
