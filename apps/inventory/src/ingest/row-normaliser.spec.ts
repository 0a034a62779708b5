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
    [{ ...base, externalId: 'AKIAIOSFODNN7EXAMPLE' }, /^externalId looks like an AWS access key id/],
    [{ ...base, tags: [{ key: 'note', value: '-----BEGIN PRIVATE KEY-----' }] }, /^tags\[0\]\.value looks like a PEM private key/],
    [{ ...base, credentialFingerprint: 'sk_live_4eC39HqLyjWDarjtT1zdp7dc' }, /looks like a Stripe key/],
  ])('rejects secret material and names the field without quoting it', (row, reason) => {
    const result = normaliseRow(row);

    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
    expect(JSON.stringify(result)).not.toMatch(/ghp_16C7|AKIAIOSFODNN7EXAMPLE|BEGIN PRIVATE|sk_live_4eC3/);
  });

  it.each([
    [{ ...base, provider: undefined }, 'provider is required'],
    [{ ...base, kind: 'spaceship' }, /^kind "spaceship" is not known/],
    [{ ...base, environment: 'moon' }, /^environment "moon" is not known/],
    [{ ...base, createdAt: 'yesterday' }, /^createdAt is not a valid date-time/],
    [{ ...base, credentialFingerprint: 'md5:abc' }, /^credentialFingerprint must be/],
    [{ ...base, scopes: 'read' }, 'scopes must be a list of strings'],
  ])('rejects a bad field with a reason that names it', (row, reason) => {
    const result = normaliseRow(row as never);

    expect(!result.ok && result.reason).toMatch(reason);
  });
});
