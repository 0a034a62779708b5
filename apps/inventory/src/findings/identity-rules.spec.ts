import type { StoredCredential } from '../identity-data/credential';
import { blankIdentityState, IdentityState } from '../identity-data/identity-state';
import { identityFindings } from './identity-rules';

const now = new Date('2026-11-27T00:00:00Z');
const CONFIG = { maxCredentialAgeDays: 365, keyMaxAgeDays: 90, unusedAfterDays: 90, knownAccounts: ['111122223333'] };

function state(overrides: Partial<IdentityState> = {}): IdentityState {
  return {
    ...blankIdentityState({ id: 'i', provider: 'aws', externalId: 'x', kind: 'SERVICE_ACCOUNT', name: 'n' }, now),
    environment: 'STAGING',
    ...overrides,
  };
}

function credential(fields: Partial<StoredCredential> & Pick<StoredCredential, 'type' | 'externalId'>): StoredCredential {
  return {
    id: `c-${fields.externalId}`,
    fingerprint: null,
    status: 'ACTIVE',
    createdAt: null,
    expiresAt: null,
    lastUsedAt: '2026-11-20T00:00:00Z',
    neverUsed: false,
    lastRotatedAt: null,
    ...fields,
  };
}

const codes = (s: IdentityState) => identityFindings(s, now, CONFIG).map((f) => `${f.category}:${f.code}:${f.severity}`);

describe('identity finding rules', () => {
  it('finds nothing on a tidy service account', () => {
    expect(codes(state({ scopes: ['s3:GetObject'] }))).toEqual([]);
  });

  it('NHI7: a key without expiry, more severe in production', () => {
    expect(codes(state({ kind: 'API_KEY' }))).toEqual(['NHI7:NO_EXPIRY:MEDIUM']);
    expect(codes(state({ kind: 'API_KEY', environment: 'PRODUCTION' }))).toEqual(['NHI7:NO_EXPIRY:HIGH']);
    expect(codes(state({ kind: 'API_KEY', expiresAt: new Date('2027-01-01') }))).toEqual([]);
  });

  it('NHI7: an identity of an unknown kind (OTHER) is held to the expiry of a credential, erring on the safe side', () => {
    expect(codes(state({ kind: 'OTHER', sourceKind: 'AWS::IAM::OIDCProvider' }))).toEqual(['NHI7:NO_EXPIRY:MEDIUM']);
    expect(codes(state({ kind: 'OTHER', sourceKind: 'AWS::IAM::OIDCProvider', expiresAt: new Date('2027-01-01') }))).toEqual([]);
  });

  it('NHI7: a credential older than the maximum age, but never a role, which holds no long-lived secret', () => {
    const old = new Date('2025-01-01');
    expect(codes(state({ kind: 'API_KEY', expiresAt: new Date('2027-01-01'), createdAt: old }))).toEqual([
      'NHI7:CREDENTIAL_TOO_OLD:MEDIUM',
    ]);
    expect(codes(state({ credentialFingerprint: 'sha256:0123456789abcdef0123', createdAt: old }))).toEqual([
      'NHI7:CREDENTIAL_TOO_OLD:MEDIUM',
    ]);
    expect(codes(state({ createdAt: old }))).toEqual([]);
  });

  it('NHI7 per credential: an access key not rotated for KEY_MAX_AGE_DAYS, a secret without expiry, each named', () => {
    const found = identityFindings(
      state({
        credentials: [
          credential({ type: 'ACCESS_KEY', externalId: 'access_key_1', lastRotatedAt: '2026-06-01T00:00:00Z' }),
          credential({ type: 'ACCESS_KEY', externalId: 'access_key_2', lastRotatedAt: '2026-10-01T00:00:00Z' }),
          credential({ type: 'ACCESS_KEY', externalId: 'access_key_3', status: 'INACTIVE', lastRotatedAt: '2020-01-01T00:00:00Z' }),
          credential({ type: 'CLIENT_SECRET', externalId: 'k-1', createdAt: '2026-11-01T00:00:00Z' }),
        ],
      }),
      now,
      CONFIG,
    );
    expect(found.map((f) => `${f.code}:${f.subject}`)).toEqual(['KEY_NOT_ROTATED:access key access_key_1', 'NO_EXPIRY:client secret k-1']);
    expect(found[0]?.evidence).toEqual(['last rotated 2026-06-01']);
  });

  it('NHI1: an identity or a credential unused for UNUSED_AFTER_DAYS, or never used once that old; an unused admin is worse', () => {
    expect(codes(state({ lastUsedAt: new Date('2019-05-01') }))).toEqual(['NHI1:UNUSED_IDENTITY:MEDIUM']);
    expect(codes(state({ neverUsed: true, createdAt: new Date('2026-01-01') }))).toEqual(['NHI1:UNUSED_IDENTITY:MEDIUM']);
    expect(codes(state({ neverUsed: true, createdAt: new Date('2026-11-20') }))).toEqual([]);
    expect(codes(state({ lastUsedAt: new Date('2026-11-01') }))).toEqual([]);
    const admin = {
      privilegeLevel: 'ADMIN' as const,
      privilegeReasons: [{ rule: 'aws.full-admin', evidence: '* allowed on * via managed policy AdministratorAccess' }],
    };
    expect(codes(state({ ...admin, neverUsed: true }))).toEqual(['NHI5:ADMIN_OR_WILDCARD_SCOPES:HIGH', 'NHI1:UNUSED_ADMIN:HIGH']);
    const unusedKey = credential({
      type: 'ACCESS_KEY',
      externalId: 'access_key_1',
      lastRotatedAt: '2026-11-01T00:00:00Z',
      lastUsedAt: '2026-01-01T00:00:00Z',
    });
    expect(codes(state({ credentials: [unusedKey] }))).toEqual(['NHI1:UNUSED_CREDENTIAL:MEDIUM']);
  });

  it('NHI10: a console password, worse without MFA', () => {
    const password = credential({ type: 'PASSWORD', externalId: 'password', lastRotatedAt: '2026-11-01T00:00:00Z' });
    expect(codes(state({ credentials: [password], mfaEnabled: true }))).toEqual(['NHI10:CONSOLE_PASSWORD:MEDIUM']);
    expect(codes(state({ credentials: [password], mfaEnabled: false }))).toEqual(['NHI10:CONSOLE_PASSWORD:HIGH']);
  });

  it('NHI6 and NHI3: trust open to anyone, and trust in an account outside the known set', () => {
    const role = { externalId: 'arn:aws:iam::444455556666:role/deploy' };
    expect(codes(state({ ...role, trustedPrincipals: ['*'] }))).toEqual(['NHI6:TRUST_OPEN_TO_ANYONE:HIGH']);
    expect(codes(state({ ...role, trustedPrincipals: ['arn:aws:iam::999988887777:root', 'ec2.amazonaws.com'] }))).toEqual([
      'NHI3:TRUST_FOREIGN_ACCOUNT:MEDIUM',
    ]);
    // Its own account and a known one are no third party.
    expect(codes(state({ ...role, trustedPrincipals: ['arn:aws:iam::444455556666:root', '111122223333'] }))).toEqual([]);
  });

  it('NHI5: a Kubernetes service account bound to cluster-admin', () => {
    const reasons = [{ rule: 'k8s.cluster-admin', evidence: '* on * via ClusterRoleBinding ops -> ClusterRole cluster-admin' }];
    expect(codes(state({ provider: 'kubernetes', privilegeLevel: 'ADMIN', privilegeReasons: reasons }))).toEqual([
      'NHI5:ADMIN_OR_WILDCARD_SCOPES:HIGH',
      'NHI5:CLUSTER_ADMIN_BINDING:HIGH',
    ]);
  });

  it('NHI5: admin or wildcard scopes, and granted scopes that are never used', () => {
    expect(codes(state({ scopes: ['s3:*'] }))).toEqual(['NHI5:ADMIN_OR_WILDCARD_SCOPES:HIGH']);
    expect(codes(state({ scopes: ['a:read', 'b:read'], usedScopes: ['a:read'] }))).toEqual(['NHI5:UNUSED_SCOPES:MEDIUM']);
    expect(codes(state({ scopes: ['a:read'], usedScopes: ['a:read'] }))).toEqual([]);
  });

  it('NHI4: weak authentication; NHI10: a person using it', () => {
    expect(codes(state({ authMethod: 'password' }))).toEqual(['NHI4:WEAK_AUTHENTICATION:MEDIUM']);
    expect(codes(state({ interactiveUse: true }))).toEqual(['NHI10:HUMAN_USE:HIGH']);
  });

  it('has no findings for a decommissioned identity', () => {
    expect(codes(state({ status: 'DECOMMISSIONED', kind: 'API_KEY', interactiveUse: true }))).toEqual([]);
  });
});
