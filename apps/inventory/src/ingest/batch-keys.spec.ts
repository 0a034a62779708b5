import type { NormalisedRow } from './normalised-row';
import { BatchKeys } from './batch-keys';

const row = (fields: Partial<NormalisedRow> = {}): NormalisedRow => ({
  provider: 'aws',
  externalId: 'arn:aws:iam::1:role/a',
  kind: 'SERVICE_ACCOUNT',
  sourceKind: null,
  name: 'a',
  environment: null,
  inferredEnvironment: null,
  system: null,
  businessUnit: null,
  scopes: ['s3:GetObject'],
  usedScopes: null,
  createdAt: null,
  lastUsedAt: null,
  expiresAt: null,
  credentialFingerprint: null,
  authMethod: null,
  interactiveUse: null,
  credentials: null,
  permissions: null,
  trustedPrincipals: null,
  mfaEnabled: null,
  neverUsed: null,
  tags: { team: 'x', env: 'prod' },
  ...fields,
});

describe('BatchKeys', () => {
  it('lets an identical repeat through, whatever the order of its tags', () => {
    const keys = new BatchKeys();

    expect(keys.check(0, row())).toBeNull();
    expect(keys.check(3, row({ tags: { env: 'prod', team: 'x' } }))).toBeNull();
  });

  it('refuses a different repeat, naming the earlier row', () => {
    const keys = new BatchKeys();
    keys.check(4, row());

    expect(keys.check(7, row({ scopes: ['iam:*'] }))).toMatch(/^repeats the provider and externalId of row 4 with different fields/);
    expect(keys.check(8, row({ externalId: 'other' }))).toBeNull();
  });

  it('tells apart two repeats of an unknown kind by the word the source used', () => {
    const keys = new BatchKeys();
    keys.check(0, row({ kind: 'OTHER', sourceKind: 'AWS::IAM::OIDCProvider' }));

    expect(keys.check(1, row({ kind: 'OTHER', sourceKind: 'AWS::IAM::OIDCProvider' }))).toBeNull();
    expect(keys.check(2, row({ kind: 'OTHER', sourceKind: 'AWS::IAM::SAMLProvider' }))).toMatch(/^repeats/);
  });

  it('keeps telling repeats apart across many rows, as its table grows', () => {
    const keys = new BatchKeys();
    for (let i = 0; i < 20_000; i++) expect(keys.check(i, row({ externalId: `role-${i}` }))).toBeNull();

    expect(keys.check(20_000, row({ externalId: 'role-12345' }))).toBeNull();
    expect(keys.check(20_001, row({ externalId: 'role-17', scopes: ['iam:*'] }))).toMatch(/ of row 17 with different fields/);
    expect(keys.check(20_002, row({ externalId: 'role-20000' }))).toBeNull();
  });
});
