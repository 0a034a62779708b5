import { rotationTargets, type KnownCredential } from './rotation-targets';

const credential = (type: KnownCredential['type'], externalId: string, status: KnownCredential['status'] = 'ACTIVE'): KnownCredential => ({
  id: `id-${externalId}`,
  type,
  externalId,
  status,
  expiresAt: null,
  lastRotatedAt: null,
});

describe('rotationTargets', () => {
  it('targets the active long-lived credentials: not a certificate (renewed, not rotated) nor an inactive key', () => {
    const targets = rotationTargets([
      credential('ACCESS_KEY', 'AKIA1'),
      credential('ACCESS_KEY', 'AKIA2', 'INACTIVE'),
      credential('CERTIFICATE', 'cert-1'),
      credential('PASSWORD', 'password'),
    ]);
    expect(targets).toEqual([
      { id: 'id-AKIA1', type: 'ACCESS_KEY', externalId: 'AKIA1' },
      { id: 'id-password', type: 'PASSWORD', externalId: 'password' },
    ]);
  });
});
