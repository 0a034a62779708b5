import { credentialList } from './credential-reader';
import { RowError } from './row-error';

const now = new Date('2026-12-02T00:00:00Z');

function reason(value: unknown): string {
  try {
    credentialList(value, now);
  } catch (error) {
    if (error instanceof RowError) return `${error.field}: ${error.message}`;
    throw error;
  }
  return 'accepted';
}

describe('credentialList', () => {
  it('reads credentials, active by default; lastUsedAt null or neverUsed says "never used", absent says nothing', () => {
    const [key, password, cert] =
      credentialList(
        [
          { type: 'access_key', externalId: 'AKIAIOSFODNN7EXAMPLE', lastUsedAt: null },
          { type: 'PASSWORD', externalId: 'password', neverUsed: true },
          { type: 'CERTIFICATE', externalId: 'cert-1', status: 'inactive', expiresAt: '2027-01-01T00:00:00Z' },
        ],
        now,
      ) ?? [];
    expect(key).toMatchObject({ type: 'ACCESS_KEY', status: 'ACTIVE', neverUsed: true, lastUsedAt: null });
    expect(password).toMatchObject({ neverUsed: true });
    expect(cert).toMatchObject({ status: 'INACTIVE', neverUsed: false, expiresAt: new Date('2027-01-01T00:00:00Z') });
    expect(credentialList(undefined, now)).toBeNull();
    expect(credentialList([], now)).toEqual([]);
  });

  it('takes an OpenSSH fingerprint (SHA256:<base64>) and keeps the algorithm in lower case', () => {
    const [key] =
      credentialList([{ type: 'SSH_KEY', externalId: 'k', fingerprint: 'SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8' }], now) ?? [];
    expect(key?.fingerprint).toBe('sha256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8');
  });

  it('names the entry and field at fault, never the value', () => {
    expect(reason([{ type: 'KEY', externalId: 'x' }])).toBe(
      'credentials[0].type: credentials[0].type must be one of ACCESS_KEY, CLIENT_SECRET, SERVICE_ACCOUNT_KEY, CERTIFICATE, TOKEN, SSH_KEY, PASSWORD, PRIVATE_KEY',
    );
    expect(reason([{ type: 'TOKEN', externalId: 'x', fingerprint: 'ghp_secretlookingvalue' }])).toMatch(/^credentials\[0\]\.fingerprint: /);
    expect(reason([{ type: 'TOKEN', externalId: 'x', fingerprint: 'ghp_secretlookingvalue' }])).not.toContain('ghp_');
    expect(reason([{ type: 'TOKEN', externalId: 'x', lastUsedAt: 'yesterday' }])).toMatch(
      /^credentials\[0\]\.lastUsedAt: credentials\[0\]\.lastUsedAt is not a valid date-time/,
    );
    expect(
      reason([
        { type: 'TOKEN', externalId: 'a' },
        { type: 'TOKEN', externalId: 'a' },
      ]),
    ).toBe('credentials: credentials[1] repeats the type and externalId of an earlier entry');
    expect(reason('AKIA')).toBe('credentials: credentials must be a list');
  });
});
