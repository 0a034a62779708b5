import type { IdentityState } from '../identity-data/identity-state';
import { sharedCredentialFindings } from './shared-credential-rules';

const state = { status: 'ACTIVE', credentialFingerprint: 'sha256:abcdefabcdefabcdef', environment: 'PRODUCTION' } as IdentityState;
const codes = (...args: Parameters<typeof sharedCredentialFindings>) =>
  sharedCredentialFindings(...args).map((f) => `${f.category}:${f.code}:${f.severity}`);

describe('shared credential rules', () => {
  it('NHI8: one credential in production and outside it', () => {
    expect(codes(state, { environments: ['PRODUCTION', 'DEVELOPMENT'], systems: [] }, [])).toEqual([
      'NHI8:SHARED_ACROSS_ENVIRONMENTS:HIGH',
    ]);
    expect(codes(state, { environments: ['PRODUCTION', 'UNKNOWN'], systems: [] }, [])).toEqual([]);
  });

  it('NHI9: one credential on several systems', () => {
    expect(codes(state, { environments: ['PRODUCTION'], systems: ['billing', 'payments'] }, [])).toEqual([
      'NHI9:REUSED_ACROSS_SYSTEMS:HIGH',
    ]);
    expect(codes(state, { environments: ['PRODUCTION'], systems: ['billing'] }, [])).toEqual([]);
  });

  it('NHI2: reported by a leak scanner', () => {
    expect(codes(state, undefined, ['gitguardian'])).toEqual(['NHI2:LEAKED:CRITICAL']);
  });

  it('says nothing for identities without a fingerprint or decommissioned ones', () => {
    expect(codes({ ...state, credentialFingerprint: null }, undefined, ['gitguardian'])).toEqual([]);
    expect(codes({ ...state, status: 'DECOMMISSIONED' }, undefined, ['gitguardian'])).toEqual([]);
  });
});
