import { join } from 'node:path';
import { collect, fileInput, textInput } from '../shared/inputs';
import { azureSpFormat } from './azure-sp-format';

const fixture = (name: string) => fileInput(join(__dirname, '../../../fixtures/azure', name));
const ALL = ['sp-list.json', 'identities.json', 'role-assignments.json', 'app-list.json'];
const SUBSCRIPTION = '/subscriptions/00000000-1111-2222-3333-444444444444';

describe('azure-sp', () => {
  it('gives an application service principal its secrets and certificates (its own and its app registration’s), never the secret’s hint', async () => {
    const { rows } = await collect(azureSpFormat.convert(ALL.map(fixture)));
    const storage = `${SUBSCRIPTION}/resourceGroups/rg-build/providers/Microsoft.Storage/storageAccounts/stbuild`;
    expect(rows[0]).toEqual({
      provider: 'azure',
      externalId: '3f8e6b2a-5c4d-4e3f-8a9b-0c1d2e3f4a5b',
      kind: 'service principal',
      name: 'ci-pipeline',
      createdAt: '2024-02-12T09:41:07.000Z',
      credentials: [
        // About to expire: the inventory reads expiresAt.
        {
          type: 'CLIENT_SECRET',
          externalId: 'f0b0b335-1d71-4883-8f98-567911bfdca6',
          status: 'ACTIVE',
          createdAt: '2025-12-20T10:00:00.000Z',
          expiresAt: '2026-12-20T10:00:00.000Z',
        },
        {
          type: 'CERTIFICATE',
          externalId: '5c2a4d8e-1b3f-4a6c-9e7d-2f1b3a5c7d9e',
          status: 'ACTIVE',
          createdAt: '2025-06-01T00:00:00.000Z',
          expiresAt: '2027-06-01T00:00:00.000Z',
        },
        {
          type: 'CLIENT_SECRET',
          externalId: '2b4d6f8a-0c1e-4a3b-9d5f-7a9c1e3b5d7f',
          status: 'ACTIVE',
          createdAt: '2026-06-15T08:00:00.000Z',
          expiresAt: '2027-06-15T08:00:00.000Z',
        },
      ],
      scopes: [`Storage Blob Data Reader on ${storage} (conditional)`],
      tags: [{ key: 'WindowsAzureActiveDirectoryIntegratedApp', value: null }],
      permissions: [
        {
          effect: 'Allow',
          actions: ['azure:Storage Blob Data Reader'],
          resources: [storage],
          conditional: true,
          via: `role assignment Storage Blob Data Reader on ${storage}`,
        },
      ],
    });
    const text = JSON.stringify(rows);
    for (const never of ['Q~8', 'x7K', 'UkVBRE1FLU5PVC1BLVRIVU1CUFJJTlQ=', 'ci secret', 'Application.ReadWrite.All'])
      expect(text).not.toContain(never);
  });

  it('merges a user-assigned identity into its service principal: one managed identity with Contributor on the subscription, no platform certificate', async () => {
    const { rows } = await collect(azureSpFormat.convert(ALL.map(fixture)));
    expect(rows.filter((row) => row.externalId === '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d')).toEqual([
      {
        provider: 'azure',
        externalId: '9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d',
        kind: 'managed identity',
        credentials: [],
        name: 'id-deploy',
        scopes: [`Contributor on ${SUBSCRIPTION}`],
        tags: [
          { key: 'owner', value: 'team-platform' },
          { key: 'env', value: 'prod' },
        ],
        permissions: [
          {
            effect: 'Allow',
            actions: ['azure:Contributor'],
            resources: [SUBSCRIPTION],
            via: `role assignment Contributor on ${SUBSCRIPTION}`,
          },
        ],
      },
    ]);
  });

  it('tags Microsoft first-party and disabled service principals, and gives a user-assigned identity without a service principal its own row', async () => {
    const { rows, problems } = await collect(azureSpFormat.convert(ALL.map(fixture)));
    expect(rows.map((row) => [row.name, row.kind, row.tags?.map((tag) => tag.key)])).toEqual([
      ['ci-pipeline', 'service principal', ['WindowsAzureActiveDirectoryIntegratedApp']],
      ['Microsoft Graph', 'service principal', ['microsoft-first-party']],
      ['id-deploy', 'managed identity', ['owner', 'env']],
      ['vm-web-01', 'managed identity', undefined],
      ['legacy-reporting', 'service principal', ['HideApp', 'disabled']],
      ['id-etl', 'managed identity', ['CostCenter']],
    ]);
    expect(problems).toEqual([
      {
        location: 'app-list.json: [1]',
        problem: 'an app registration whose service principal is not in the export; its 1 credential(s) are not imported',
      },
    ]);
  });

  it('tells the files apart by shape in any order, and reads a Graph page ({"value": [...]})', async () => {
    const page = JSON.stringify({
      '@odata.context': 'https://graph.microsoft.com/v1.0/$metadata#servicePrincipals',
      value: [
        {
          id: 'ABCDEF01-2345-4678-9ABC-DEF012345678',
          displayName: 'from-graph',
          servicePrincipalType: 'Application',
          passwordCredentials: [],
        },
      ],
    });
    const { rows, problems } = await collect(
      azureSpFormat.convert([fixture('role-assignments.json'), textInput('page.json', page), fixture('identities.json')]),
    );
    expect(problems).toEqual([]);
    expect(rows.map((row) => [row.externalId, row.name, row.permissions?.length ?? 0])).toEqual([
      ['abcdef01-2345-4678-9abc-def012345678', 'from-graph', 0],
      ['9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d', 'id-deploy', 1],
      ['6d7e8f9a-0b1c-4d2e-8f3a-4b5c6d7e8f9a', 'id-etl', 1],
    ]);
  });

  it('names broken records by location', async () => {
    const broken = JSON.stringify([
      { servicePrincipalType: 'Application', displayName: 'no id' },
      {
        principalId: '11111111-2222-4333-8444-555555555555',
        scope: SUBSCRIPTION,
        roleDefinitionId: `${SUBSCRIPTION}/providers/Microsoft.Authorization/roleDefinitions/x`,
      },
      { type: 'Microsoft.ManagedIdentity/userAssignedIdentities', name: 'no principal' },
      { something: 'else' },
    ]);
    const { rows, problems } = await collect(azureSpFormat.convert([textInput('broken.json', broken)]));
    expect(rows).toEqual([]);
    expect(problems).toEqual([
      {
        location: 'broken.json: [1]',
        problem: 'roleDefinitionName is missing (az role assignment list fills it in unless --fill-role-definition-name false); skipped',
      },
      { location: 'broken.json: [2]', problem: 'a managed identity without a principalId; skipped' },
      {
        location: 'broken.json: [3]',
        problem: 'is not a service principal, an app registration, a managed identity or a role assignment; skipped',
      },
      { location: 'broken.json: [0]', problem: 'a service principal without an id; skipped' },
    ]);
  });
});
