import type { StoredCredential } from '../identity-data/credential';
import { rotatedCredentials } from './rotated-credentials';

const key = (externalId: string, id: string): StoredCredential => ({
  id,
  type: 'ACCESS_KEY',
  externalId,
  fingerprint: null,
  status: 'ACTIVE',
  createdAt: '2025-01-01T00:00:00.000Z',
  expiresAt: null,
  lastUsedAt: '2026-11-01T00:00:00.000Z',
  neverUsed: false,
  lastRotatedAt: null,
});

describe('rotatedCredentials', () => {
  it('gives the replaced credential its new provider id and times, keeping its platform id; the others stay', () => {
    const at = '2026-12-02T10:00:00.000Z';
    const after = rotatedCredentials(
      [key('AKIAOLD', 'c1'), key('AKIAOTHER', 'c2')],
      [{ previousExternalId: 'AKIAOLD', externalId: 'AKIANEW', fingerprint: 'sha256:3f1c9a0b2e7d4c5f8a6b1d2e3f4a5b6c' }],
      at,
    );
    expect(after).toEqual([
      {
        ...key('AKIANEW', 'c1'),
        fingerprint: 'sha256:3f1c9a0b2e7d4c5f8a6b1d2e3f4a5b6c',
        createdAt: at,
        lastRotatedAt: at,
        lastUsedAt: null,
      },
      key('AKIAOTHER', 'c2'),
    ]);
  });

  it('changes nothing for a replacement naming a credential the identity does not hold', () => {
    const before = [key('AKIAOLD', 'c1')];
    expect(rotatedCredentials(before, [{ previousExternalId: 'AKIAELSE', externalId: 'AKIANEW' }], '2026-12-02T10:00:00.000Z')).toEqual(
      before,
    );
  });
});
