import type { PermissionStatement } from '../statement';
import {
  azureAccessAdmin,
  azureContributor,
  azureEntraPrivilegedRole,
  azureEntraSensitiveRole,
  azureGraphEscalation,
  azureGraphTenantWide,
  azureKeyVaultSecrets,
  azureOtherRole,
  azureOwner,
  azureReader,
  azureUnrecognisedAction,
  azureVmTakeover,
} from './azure';

const assignment = (role: string, scope = '/subscriptions/1111'): PermissionStatement => ({
  effect: 'Allow',
  actions: [`azure:${role}`],
  resources: [scope],
  via: `role assignment ${role}`,
});

describe('Azure rules', () => {
  it('rates Owner ADMIN with the scope in the evidence', () => {
    expect(azureOwner.judge([assignment('Owner', '/subscriptions/1111/resourceGroups/app')])).toEqual([
      {
        rule: 'azure.owner',
        level: 'ADMIN',
        evidence: 'azure:Owner allowed on /subscriptions/1111/resourceGroups/app via role assignment Owner',
      },
    ]);
  });

  it.each([
    [azureAccessAdmin, 'User Access Administrator'],
    [azureAccessAdmin, 'Role Based Access Control Administrator'],
    [azureEntraPrivilegedRole, 'Global Administrator'],
    [azureEntraPrivilegedRole, 'Privileged Role Administrator'],
    [azureEntraPrivilegedRole, 'Cloud Application Administrator'],
    [azureContributor, 'Contributor'],
    [azureKeyVaultSecrets, 'Key Vault Secrets Officer'],
    [azureKeyVaultSecrets, 'Key Vault Administrator'],
    [azureVmTakeover, 'Virtual Machine Contributor'],
    [azureEntraSensitiveRole, 'User Administrator'],
    [azureGraphEscalation, 'RoleManagement.ReadWrite.Directory'],
    [azureGraphTenantWide, 'User.Read.All'],
    [azureReader, 'Reader'],
    [azureReader, 'Storage Blob Data Reader'],
    [azureReader, 'User.Read'],
    [azureOtherRole, 'Storage Blob Data Contributor'],
    [azureOtherRole, 'Mail.Send'],
  ] as const)('%# %s fires for %s', (rule, role) => {
    expect(rule.judge([assignment(role)])).toHaveLength(1);
  });

  it('matches role names without regard to case', () => {
    expect(azureOwner.judge([assignment('owner')])).toHaveLength(1);
  });

  it('leaves named roles out of the generic classes', () => {
    expect(azureOtherRole.judge([assignment('Contributor')])).toEqual([]);
    expect(azureReader.judge([assignment('Owner')])).toEqual([]);
    expect(azureGraphTenantWide.judge([assignment('Application.ReadWrite.All')])).toEqual([]);
  });

  it('flags an action that is not an Azure role', () => {
    expect(azureUnrecognisedAction.judge([{ effect: 'Allow', actions: ['Microsoft.Compute/*'], via: 'x' }])).toHaveLength(1);
  });
});
