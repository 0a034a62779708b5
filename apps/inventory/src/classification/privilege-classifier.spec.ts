import { adminOrWildcardScopes, classifyPrivilege } from './privilege-classifier';

describe('classifyPrivilege', () => {
  it.each([
    ['aws', ['s3:GetObject', 'sqs:ReceiveMessage'], 'LOW'],
    ['aws', ['s3:GetObject', 'sqs:SendMessage'], 'MEDIUM'],
    ['aws', ['s3:*'], 'HIGH'],
    ['aws', ['arn:aws:iam::aws:policy/AdministratorAccess'], 'ADMIN'],
    ['aws', ['*'], 'ADMIN'],
    ['gcp', ['roles/bigquery.dataViewer'], 'LOW'],
    ['gcp', ['roles/editor'], 'HIGH'],
    ['gcp', ['roles/owner'], 'ADMIN'],
    ['azure', ['Reader'], 'LOW'],
    ['azure', ['Contributor'], 'HIGH'],
    ['azure', ['User Access Administrator'], 'ADMIN'],
    ['github', ['read:org'], 'LOW'],
    ['github', ['repo'], 'HIGH'],
    ['github', ['admin:org'], 'ADMIN'],
    ['kubernetes', ['cluster-admin'], 'ADMIN'],
    ['azure', ['User.Read.All'], 'HIGH'],
  ])('%s %j is %s', (provider, scopes, level) => {
    expect(classifyPrivilege(provider, scopes)).toBe(level);
  });

  it('is unknown without scopes', () => {
    expect(classifyPrivilege('aws', [])).toBeNull();
  });

  it('treats a scope it does not recognise as able to change things', () => {
    expect(classifyPrivilege('acme', ['frobnicate'])).toBe('MEDIUM');
  });
});

describe('adminOrWildcardScopes', () => {
  it('picks the scopes NHI5 reports', () => {
    expect(adminOrWildcardScopes('aws', ['s3:GetObject', 's3:*', 'AdministratorAccess'])).toEqual(['s3:*', 'AdministratorAccess']);
  });
});
