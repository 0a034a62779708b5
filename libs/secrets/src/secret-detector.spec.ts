import { detectSecret, findSecretField } from './secret-detector';

describe('detectSecret', () => {
  it.each([
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIE...', 'a PEM private key'],
    ['-----BEGIN PRIVATE KEY-----', 'a PEM private key'],
    ['key AKIAIOSFODNN7EXAMPLE in name', 'an AWS access key id'],
    ['ghp_16C7e42F292c6912E7710c838347Ae178B4a', 'a GitHub token'],
    ['xoxb-123456789012-abcdefghijkl', 'a Slack token'],
    ['sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'a Stripe key'],
    ['glpat-xxxxxxxxxxxxxxxxxxxx', 'a GitLab token'],
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', 'a JSON Web Token'],
    ['postgres://app:s3cret@db.internal/app', 'a password in a URL'],
    ['Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A9', 'a long high-entropy string'],
    ['k3j9x0q2m8v7b1n4c6z5l0p9o8i7u6y5t4r3e2w1', 'a long high-entropy string'],
  ])('recognises %p', (value, description) => {
    expect(detectSecret(value)).toBe(description);
  });

  it.each([
    'arn:aws:iam::123456789012:role/payments-batch-processor-prod',
    'ml-training@analytics-prod.iam.gserviceaccount.com',
    '0b8f2f7e-7d8a-4c39-9d59-8e0b7f2f2b11',
    'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    'projects/acme/serviceAccounts/very-long-but-readable-service-account-name',
    'payments batch exporter',
    'kv/acct-046/billing-importer-qa-97',
    'asst_acct-034_billing-worker-qa-12u',
  ])('lets ordinary identifiers through: %p', (value) => {
    expect(detectSecret(value)).toBeNull();
  });
});

describe('findSecretField', () => {
  it('names the field and what it looked like, never the value', () => {
    const found = findSecretField([
      { field: 'name', value: 'ok' },
      { field: 'tags.note', value: 'token ghp_16C7e42F292c6912E7710c838347Ae178B4a' },
    ]);

    expect(found).toEqual({ field: 'tags.note', looksLike: 'a GitHub token' });
    expect(JSON.stringify(found)).not.toContain('ghp_');
  });
});
