import { normaliseRow } from './row-normaliser';

const base = {
  provider: 'Amazon Web Services',
  externalId: ' ARN:aws:iam::1:role/Payments ',
  kind: 'svc-account',
  name: '  payments   batch ',
};

describe('normaliseRow', () => {
  it('maps a source vocabulary to canonical values', () => {
    const result = normaliseRow({ ...base, environment: 'prd', tags: [{ key: 'Team', value: ' payments ' }], scopes: ['b', 'a', 'a'] });

    expect(result).toEqual({
      ok: true,
      warnings: [],
      row: expect.objectContaining({
        provider: 'aws',
        externalId: 'arn:aws:iam::1:role/payments',
        kind: 'SERVICE_ACCOUNT',
        name: 'payments batch',
        environment: 'PRODUCTION',
        inferredEnvironment: null,
        tags: { team: 'payments' },
        scopes: ['a', 'b'],
      }),
    });
  });

  it('infers the environment when none is given, and keeps it apart from a given one', () => {
    const result = normaliseRow({ ...base, name: 'payments-stg-reader' });

    expect(result.ok && result.row).toMatchObject({ environment: null, inferredEnvironment: 'STAGING' });
  });

  it.each([
    [{ ...base, name: 'ghp_16C7e42F292c6912E7710c838347Ae178B4a' }, /^name looks like a GitHub token/],
    [
      { ...base, externalId: 'AKIAIOSFODNN7EXAMPLE:wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' },
      /^externalId looks like an AWS secret access key/,
    ],
    [{ ...base, tags: [{ key: 'note', value: '-----BEGIN PRIVATE KEY-----' }] }, /^tags\[0\]\.value looks like a PEM private key/],
    [{ ...base, credentialFingerprint: 'sk_live_4eC39HqLyjWDarjtT1zdp7dc' }, /looks like a Stripe key/],
  ])('rejects secret material and names the field without quoting it', (row, reason) => {
    const result = normaliseRow(row);

    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
    expect(JSON.stringify(result)).not.toMatch(/ghp_16C7|AKIAIOSFODNN7EXAMPLE|BEGIN PRIVATE|sk_live_4eC3/);
  });

  it.each([
    [{ ...base, kind: 'ACCESS_KEY', externalId: 'AKIAIOSFODNN7EXAMPLE' }],
    [{ ...base, name: 'AWSReservedSSO_AdministratorAccess_dc6414f7f2ab04fc' }],
    [{ ...base, name: 'eksctl-prod-nodegroup-ng-1-NodeInstanceRole-1GLJ9KX3WZ4QH' }],
    [{ ...base, scopes: ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole'] }],
    [{ ...base, externalId: 'AROAJQABLZS4A3QDU576Q' }],
  ])('keeps what a provider documents as an identifier: %o', (row) => {
    expect(normaliseRow(row).ok).toBe(true);
  });

  it.each([
    [{ ...base, provider: undefined }, 'provider is required'],
    [{ ...base, environment: 'moon' }, /^environment is not known/],
    [{ ...base, createdAt: 'yesterday' }, /^createdAt is not a valid date-time/],
    [{ ...base, credentialFingerprint: 'md5:abc' }, /^credentialFingerprint must be/],
    [{ ...base, scopes: 'read' }, 'scopes must be a list of strings'],
  ])('rejects a bad field with a reason that names it', (row, reason) => {
    const result = normaliseRow(row as never);

    expect(!result.ok && result.reason).toMatch(reason);
  });
});

describe('normaliseRow limits (event schema and columns)', () => {
  const many = (n: number, make: (i: number) => unknown) => Array.from({ length: n }, (_, i) => make(i));

  it.each([
    [
      'a tag value over 500 characters',
      { tags: [{ key: 'note', value: 'v'.repeat(501) }] },
      'tags',
      /^tags\[0\]\.value is longer than 500/,
    ],
    ['a tag key over 128 characters', { tags: [{ key: 'k'.repeat(129), value: 'v' }] }, 'tags', /^tags\[0\]\.key is longer than 128/],
    ['more than 100 tags', { tags: many(101, (i) => ({ key: `k${i}`, value: 'v' })) }, 'tags', /^tags has more than 100 entries/],
    ['a scope over 500 characters', { scopes: ['s'.repeat(501)] }, 'scopes', /^scopes\[0\] is longer than 500/],
    ['more than 500 scopes', { scopes: many(501, (i) => `s${i}`) }, 'scopes', /^scopes has more than 500 entries/],
    ['a NUL byte in the name', { name: 'pay\u0000ments' }, 'name', /^name contains a NUL character/],
    [
      'a control character in a tag',
      { tags: [{ key: 'team', value: 'pay\u001bments' }] },
      'tags[0].value',
      /^tags\[0\]\.value contains a control/,
    ],
    ['a bidi override in the name', { name: 'paymen\u202Etxt.exe' }, 'name', /^name contains a bidirectional/],
    ['a bidi isolate in the externalId', { externalId: 'id\u2066x' }, 'externalId', /^externalId contains a bidirectional/],
    ['a name over 300 characters', { name: 'n'.repeat(301) }, 'name', /^name is longer than 300/],
    ['an externalId over 500 characters', { externalId: 'e'.repeat(501) }, 'externalId', /^externalId is longer than 500/],
    ['a system over 200 characters', { system: 's'.repeat(201) }, 'system', /^system is longer than 200/],
    ['a year-275760 expiry', { expiresAt: '+275760-09-13T00:00:00Z' }, 'expiresAt', /^expiresAt is not a valid date-time/],
    ['30 February', { createdAt: '2019-02-30' }, 'createdAt', /^createdAt is not a valid date-time/],
    ['a US date', { createdAt: '12/18/2019' }, 'createdAt', /^createdAt is not a valid date-time/],
    ['a last use in 2099', { lastUsedAt: '2099-01-01T00:00:00Z' }, 'lastUsedAt', /^lastUsedAt is in the future/],
    ['year 0001', { createdAt: '0001-01-01T00:00:00Z' }, 'createdAt', /^createdAt is before 1990/],
  ])('rejects %s, naming the field and not the value', (_label, fields, field, reason) => {
    const result = normaliseRow({ ...base, ...fields } as never);

    expect(result).toEqual({ ok: false, field, reason: expect.stringMatching(reason) });
    expect(!result.ok && result.reason).not.toMatch(/vvvv|kkkk|ssss|nnnn|eeee|pay|paymen|12\/18|2099|275760|0001/);
  });

  it('reads epoch seconds and milliseconds by magnitude', () => {
    const result = normaliseRow({ ...base, createdAt: 1576696208, lastUsedAt: 1576696208000 });

    expect(result.ok && result.row).toMatchObject({
      createdAt: new Date('2019-12-18T19:10:08Z'),
      lastUsedAt: new Date('2019-12-18T19:10:08Z'),
    });
  });

  it('never quotes an unknown kind or environment in a warning or a reason', () => {
    const kind = normaliseRow({ ...base, kind: 'x'.repeat(40) });
    const environment = normaliseRow({ ...base, environment: 'y'.repeat(40) });

    expect(JSON.stringify([kind.ok && kind.warnings, environment])).not.toMatch(/xxxx|yyyy/);
  });
});

describe('normaliseRow kinds', () => {
  it('takes a known word without a warning, and keeps no word for it', () => {
    const result = normaliseRow({ ...base, kind: 'AWS::IAM::Role' });

    expect(result).toEqual({ ok: true, row: expect.objectContaining({ kind: 'SERVICE_ACCOUNT', sourceKind: null }), warnings: [] });
  });

  it.each(['AWS::IAM::OIDCProvider', 'iam.googleapis.com/WorkloadIdentityPool', 'Okta group rule', 'spaceship'])(
    'takes the unknown word %p as OTHER, keeps the word and warns without quoting it',
    (word) => {
      const result = normaliseRow({ ...base, kind: `  ${word} ` });

      expect(result).toEqual({
        ok: true,
        row: expect.objectContaining({ kind: 'OTHER', sourceKind: word, name: 'payments batch' }),
        warnings: [{ field: 'kind', reason: expect.stringMatching(/^kind is not known, so the row is taken as OTHER/) }],
      });
      expect(result.ok && JSON.stringify(result.warnings)).not.toContain(word);
    },
  );

  it('takes the canonical word OTHER as it is, with nothing to keep or warn about', () => {
    expect(normaliseRow({ ...base, kind: 'other' })).toEqual({
      ok: true,
      row: expect.objectContaining({ kind: 'OTHER', sourceKind: null }),
      warnings: [],
    });
  });

  it.each([
    ['a secret-looking word', 'ghp_16C7e42F292c6912E7710c838347Ae178B4a', /^kind looks like a GitHub token/],
    ['a word over 100 characters', 'k'.repeat(101), /^kind is longer than 100 characters/],
    ['a bidi override', 'IAM\u202EUser', /^kind contains a bidirectional/],
    ['a control character', 'IAM\u001bUser', /^kind contains a control/],
    ['a blank word', '   ', /^kind is required/],
    ['a number', 42, /^kind must be a string/],
  ])('still rejects %s, naming the field and not the value', (_label, kind, reason) => {
    const result = normaliseRow({ ...base, kind });

    expect(result).toEqual({ ok: false, field: 'kind', reason: expect.stringMatching(reason) });
    expect(JSON.stringify(result)).not.toMatch(/ghp_|kkkk|IAM/);
  });
});
