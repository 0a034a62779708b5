import { blankIdentityState, IdentityState } from '../identity-data/identity-state';
import { identityFindings } from './identity-rules';

const now = new Date('2026-11-27T00:00:00Z');

function state(overrides: Partial<IdentityState> = {}): IdentityState {
  return {
    ...blankIdentityState({ id: 'i', provider: 'aws', externalId: 'x', kind: 'SERVICE_ACCOUNT', name: 'n' }, now),
    environment: 'STAGING',
    ...overrides,
  };
}

const codes = (s: IdentityState) =>
  identityFindings(s, now, { maxCredentialAgeDays: 365 }).map((f) => `${f.category}:${f.code}:${f.severity}`);

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

  it('NHI7: a credential older than the maximum age', () => {
    expect(codes(state({ createdAt: new Date('2025-01-01') }))).toEqual(['NHI7:CREDENTIAL_TOO_OLD:MEDIUM']);
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
