import { isSecretKey, redact, REDACTED, REDACTION_LIMITS, redactText } from './redaction';

const PEM =
  '-----BEGIN RSA PRIVATE KEY-----\nMIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun\n-----END RSA PRIVATE KEY-----';
const JWT = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U';

describe('isSecretKey', () => {
  it.each([
    'password',
    'Password',
    'db_password',
    'secret',
    'clientSecret',
    'client_secret',
    'token',
    'accessToken',
    'x-auth-token',
    'apiKey',
    'API_KEY',
    'privateKey',
    'private-key',
    'credential',
    'credentials',
    'awsAccessKeyId',
    'authorization',
    'passphrase',
  ])('treats %p as a secret key', (key) => expect(isSecretKey(key)).toBe(true));

  it.each(['id', 'identityId', 'justification', 'reason', 'name', 'credentialFingerprint', 'newCredentialFingerprint', 'keyId', 'control'])(
    'leaves %p alone',
    (key) => expect(isSecretKey(key)).toBe(false),
  );
});

describe('redactText', () => {
  it('replaces NUL characters, which PostgreSQL cannot store, so a record quoting one can still be written', () => {
    expect(redactText('nul\u0000name')).toBe('nul\uFFFDname');
  });

  it('replaces a value that looks like a credential whole, naming what it looked like, never the value', () => {
    expect(redactText(PEM)).toBe(`${REDACTED} (looked like a PEM private key)`);
    expect(redactText(`bearer ${JWT}`)).toBe(`${REDACTED} (looked like a JSON Web Token)`);
    expect(redactText('AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toBe(
      `${REDACTED} (looked like an AWS secret access key)`,
    );
  });

  it('replaces a URL with a password and a bearer token whole: no inline mask covers them (issue 15)', () => {
    expect(redactText('synced from postgres://svc_app:Fake9xQ2vLr7Tb4Kw@db.internal:5432/app')).toBe(
      `${REDACTED} (looked like a password in a URL)`,
    );
    expect(redactText('call failed with Bearer FakeTok9xQ2vLr7Tb4KwZp3M')).toBe(`${REDACTED} (looked like a bearer token)`);
    expect(redactText('see https://docs.example.com/runbook for a bearer of news')).toBe(
      'see https://docs.example.com/runbook for a bearer of news',
    );
  });

  it('leaves identifiers and random-looking text alone: a key id names a credential, and entropy alone is no secret', () => {
    expect(redactText('key AKIAIOSFODNN7EXAMPLE was rotated')).toBe('key AKIAIOSFODNN7EXAMPLE was rotated');
    expect(redactText('k3j9x0q2m8v7b1n4c6z5l0p9o8i7u6y5t4r3e2w1')).toBe('k3j9x0q2m8v7b1n4c6z5l0p9o8i7u6y5t4r3e2w1');
    expect(redactText('secret: k3j9x0q2m8v7b1n4c6z5l0p9o8i7u6y5t4r3e2w1')).toBe(`secret: ${REDACTED}`);
  });

  it('masks secrets assigned inside free text and keeps the rest', () => {
    expect(redactText('password=hunter2 was in the runbook')).toBe(`password=${REDACTED} was in the runbook`);
    expect(redactText('set DB_PASSWORD: hunter2; api_key="abc def", token=xyz')).toBe(
      `set DB_PASSWORD: ${REDACTED}; api_key=${REDACTED}, token=${REDACTED}`,
    );
    expect(redactText('{"clientSecret":"s3cr3t"}')).toBe(`{"clientSecret":${REDACTED}}`);
  });

  it('leaves ordinary text and ids as they are', () => {
    for (const text of [
      'vendor cannot rotate before the Q3 release',
      'arn:aws:iam::123456789012:role/payments-batch-processor-prod',
      '0b8f2f7e-7d8a-4c39-9d59-8e0b7f2f2b11',
      'the token rotation runbook is out of date',
    ]) {
      expect(redactText(text)).toBe(text);
    }
  });

  it('shortens long text and says by how much', () => {
    const text = 'a '.repeat(REDACTION_LIMITS.maxStringLength);
    const redacted = redactText(text);
    expect(redacted.startsWith(text.slice(0, REDACTION_LIMITS.maxStringLength))).toBe(true);
    expect(redacted).toMatch(/… \[2000 more characters\]$/);
  });
});

describe('redact', () => {
  it('redacts secret keys and secret-looking values at any depth, and keeps the structure and the ordinary values', () => {
    const input = {
      id: '0b8f2f7e-7d8a-4c39-9d59-8e0b7f2f2b11',
      input: {
        justification: 'password=hunter2 is shared with the vendor',
        credentials: { password: 'hunter2', clientSecret: 's3cr3t', apiKey: 'abc', privateKey: PEM, note: null },
        tags: [
          { key: 'team', value: 'payments' },
          { key: 'db_password', value: 'hunter2' },
        ],
        certificate: PEM,
        token: '',
        expiresAt: new Date('2026-12-01T00:00:00.000Z'),
        count: 3,
        force: false,
      },
    };
    const before = JSON.stringify(input);

    const redacted = redact(input);

    expect(redacted).toEqual({
      id: '0b8f2f7e-7d8a-4c39-9d59-8e0b7f2f2b11',
      input: {
        justification: `password=${REDACTED} is shared with the vendor`,
        credentials: REDACTED,
        tags: [
          { key: 'team', value: 'payments' },
          { key: 'db_password', value: REDACTED },
        ],
        certificate: `${REDACTED} (looked like a PEM private key)`,
        token: '',
        expiresAt: '2026-12-01T00:00:00.000Z',
        count: 3,
        force: false,
      },
    });
    const text = JSON.stringify(redacted);
    for (const secret of ['hunter2', 's3cr3t', 'MIIE', 'BEGIN RSA']) expect(text).not.toContain(secret);
    expect(JSON.stringify(input)).toBe(before);
  });

  it('bounds long lists, many keys and deep nesting', () => {
    const rows = Array.from({ length: 1000 }, (_, index) => ({ externalId: `row-${index}` }));
    let deep: Record<string, unknown> = { leaf: true };
    for (let level = 0; level < 20; level++) deep = { deep };
    const wide = Object.fromEntries(Array.from({ length: 150 }, (_, index) => [`k${index}`, index]));

    const redacted = redact({ rows, deep, wide }) as { rows: unknown[]; wide: Record<string, unknown> };

    expect(redacted.rows).toHaveLength(REDACTION_LIMITS.maxItems + 1);
    expect(redacted.rows[REDACTION_LIMITS.maxItems]).toBe(`[${1000 - REDACTION_LIMITS.maxItems} more items]`);
    expect(JSON.stringify(redacted)).toContain('[nested too deep]');
    expect(Object.keys(redacted.wide)).toHaveLength(REDACTION_LIMITS.maxKeys + 1);
    expect(redacted.wide['…']).toBe('50 more keys');
  });

  it('turns values JSON cannot carry into ones it can', () => {
    const redacted = redact({ big: BigInt(42), when: new Date('invalid'), fn: () => 1, bytes: Buffer.from('x'), none: undefined });
    expect(redacted).toEqual({ big: '42', when: null, bytes: '[binary]', none: null });
    expect(redact('just a string')).toEqual({ value: 'just a string' });
    expect(redact(null)).toEqual({ value: null });
  });
});
