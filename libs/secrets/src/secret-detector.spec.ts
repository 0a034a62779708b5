import { githubChecksum } from './github-checksum';
import { detectSecret, findSecretField, MAX_SCANNED_CHARS, TOO_LONG_TO_SCAN } from './secret-detector';

/** A GitHub token with a valid CRC32, built here so no real token is ever in the source. */
const FAKE_BODY = 'FAKE0123456789abcdefghijklmnop';
const GITHUB_VALID = `ghp_${FAKE_BODY}${githubChecksum(FAKE_BODY)}`;
const GITHUB_BAD_CHECKSUM = 'ghp_16C7e42F292c6912E7710c838347Ae178B4a';
const UUID = '0b8f2f7e-7d8a-4c39-9d59-8e0b7f2f2b11';

describe('detectSecret: the formats the issue found missing', () => {
  it.each([
    ['abc8Q~FAKEabcdefghijklmnopqrstuvwxyz012', 'an Azure AD client secret'],
    ['s.FAKEAbcdEfghIjklMnopQrst', 'a HashiCorp Vault token'],
    ['hvs.CAESIFAKEabcdefghijklmnopqrstuvwxyz0123456789', 'a HashiCorp Vault token'],
    ['hvb.AAAAAQFAKEabcdefghijklmnopqrstuvwxyz0123456789', 'a HashiCorp Vault token'],
    ['MTAxFAKEODk2NzU0MzIxMDk4.GhFAKE.abcdefghijklmnopqrstuvwxyz0123456789AB', 'a Discord bot token'],
    ['0123456789abcdef0123456789abcdef-us12', 'a Mailchimp API key'],
    [`HEROKU_API_KEY=${UUID}`, 'a Heroku API key'],
    ['secret=da39a3ee5e6b4b0d3255bfef95601890afd80709', 'a secret assignment'],
    ['password = Fake-Passw0rd', 'a password assignment'],
    ['"password": "Fake-Passw0rd"', 'a password assignment'],
  ])('recognises %p', (value, looksLike) => {
    expect(detectSecret(value)).toBe(looksLike);
  });
});

describe('detectSecret: provider rules', () => {
  it.each([
    ['-----BEGIN RSA PRIVATE KEY-----\nMIIE...', 'a PEM private key'],
    ['-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNz', 'an OpenSSH private key'],
    [GITHUB_VALID, 'a GitHub token'],
    [`token ${GITHUB_BAD_CHECKSUM}`, 'a GitHub token (its checksum does not match)'],
    ['xoxb-123456789012-abcdefghijkl', 'a Slack token'],
    ['sk_live_4eC39HqLyjWDarjtT1zdp7dc', 'a Stripe key'],
    ['glpat-xxxxxxxxxxxxxxxxxxxx', 'a GitLab token'],
    ['eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxMjM0NTY3ODkwIn0.dozjgNryP4J3jVmNHl0w5N_XgL0n3I9PlFUP0THsR8U', 'a JSON Web Token'],
    ['postgres://app:s3cret@db.internal/app', 'a password in a URL'],
    ['AKIAIOSFODNN7EXAMPLE wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'an AWS secret access key'],
    ['aws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY', 'an AWS secret access key'],
    ['{"type": "service_account", "private_key": "-----BEGIN PRIVATE KEY-----\\nMIIE"}', 'a Google service-account key (JSON)'],
    ['SG.FAKEabcdefghijklmnopqr.FAKEabcdefghijklmnopqrstuvwxyz0123456789abc', 'a SendGrid API key'],
    ['twilio key: SK0123456789abcdef0123456789abcdef', 'a Twilio credential'],
    ['shpat_0123456789abcdef0123456789abcdef', 'a Shopify access token'],
    ['dapi0123456789abcdef0123456789abcdef', 'a Databricks token'],
    [`dop_v1_${'0123456789abcdef'.repeat(4)}`, 'a DigitalOcean token'],
    [`sk-ant-api03-${'FAKE'.repeat(23)}xAA`, 'an Anthropic API key'],
    [`sk-proj-${'FAKE0123'.repeat(6)}`, 'an OpenAI API key'],
    ['dp.pt.FAKEabcdefghijklmnopqrstuvwxyz0123456789abc', 'a Doppler token'],
    [`AGE-SECRET-KEY-1${'QPZRY9X8GF'.repeat(5)}QPZRY9X8`, 'an age secret key'],
    [`pypi-AgEIcHlwaS5vcmc${'FAKE'.repeat(15)}`, 'a PyPI token'],
    ['AIzaFAKEabcdefghijklmnopqrstuvwxyz01234', 'a Google API key'],
    [`npm_${'FAKE'.repeat(9)}`, 'an npm token'],
    [`lin_api_${'FAKE'.repeat(10)}`, 'a Linear API key'],
    [`ATATT3xFfGF0${'FAKE'.repeat(30)}`, 'an Atlassian API token'],
    [`EAAA${'FAKE'.repeat(15)}`, 'a Square access token'],
    [`Authorization: Bearer ${'FAKE0123'.repeat(5)}`, 'a bearer token'],
  ])('recognises %p', (value, looksLike) => {
    expect(detectSecret(value)).toBe(looksLike);
  });
});

describe('detectSecret: identifiers are not secrets', () => {
  it.each([
    ['AWSReservedSSO_AdministratorAccess_dc6414f7f2ab04fc', 'name'],
    ['stacksets-exec-6a1f0b2c3d4e5f60718293a4b5c6d7e8', 'name'],
    ['AWS-QuickSetup-EnableCRecording-1clff_us-east-1', 'name'],
    ['eksctl-prod-nodegroup-ng-1-NodeInstanceRole-1GLJ9KX3WZ4QH', 'name'],
    ['AWSServiceRoleForAutoScaling', 'name'],
    ['AdministratorAccess', 'scopes[0]'],
    ['payments-LambdaExecutionRole-1A2B3C4D5E6F', 'name'],
    ['ASIAY34FZKBOKMUTVV7A', 'externalId'],
    ['ANPAJ2UCCR6DPCEXAMPLE', 'externalId'],
    ['123456789012-compute@developer.gserviceaccount.com', 'externalId'],
    ['arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole', 'externalId'],
    ['arn:aws:iam::123456789012:role/payments-batch-processor-prod', 'externalId'],
    ['AIDAJQABLZS4A3QDU576Q', 'externalId'],
    ['AROADBQP57FF2AEXAMPLE', 'externalId'],
    ['AKIAIOSFODNN7EXAMPLE', 'externalId'],
    ['ml-training@analytics-prod.iam.gserviceaccount.com', 'externalId'],
    ['da39a3ee5e6b4b0d3255bfef95601890afd80709', 'keyId'],
    [`/subscriptions/${UUID}/resourceGroups/rg-app/providers/Microsoft.KeyVault/vaults/kv-app`, 'externalId'],
    [UUID, 'externalId'],
    ['system:serviceaccount:payments:batch-worker', 'externalId'],
    ['app.kubernetes.io/name=batch-worker', 'tags.selector'],
    ['payments-sync-bot', 'name'],
    ['sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855', 'credentialFingerprint'],
    ['SHA256:nThbg6kXUpJWGl7E1IGOCspRomTxdCARLviKw6E5SY8', 'credentialFingerprint'],
    ['secretsmanager:GetSecretValue', 'scopes[0]'],
    ['password_last_used: 2026-11-01T10:00:00Z', 'tags.note'],
    ['projects/acme/serviceAccounts/very-long-but-readable-service-account-name', 'externalId'],
    ['kv/acct-046/billing-importer-qa-97', 'externalId'],
  ])('accepts %p in %s, with and without the field', (value, field) => {
    expect(detectSecret(value, { field })).toBeNull();
    expect(detectSecret(value)).toBeNull();
  });

  it('never rejects on entropy alone', () => {
    expect(detectSecret('k3j9x0q2m8v7b1n4c6z5l0p9o8i7u6y5t4r3e2w1')).toBeNull();
    expect(detectSecret('Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWprbG1ub3A9')).toBeNull();
    expect(detectSecret('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY')).toBeNull();
  });

  it.each(['password=***', 'password: ${DB_PASSWORD}', 'password = <redacted>', 'token=REDACTED', 'postgres://app:${PGPASS}@db/app'])(
    'lets the placeholder %p through',
    (value) => expect(detectSecret(value)).toBeNull(),
  );

  it('skips keyword assignments for a caller that masks them inline itself', () => {
    expect(detectSecret('password=Fake-Passw0rd was in the runbook', { assignments: false })).toBeNull();
    expect(detectSecret(`password=x ${GITHUB_VALID}`, { assignments: false })).toBe('a GitHub token');
    // No inline mask covers these, so they are found for every caller.
    expect(detectSecret('https://svc:Fake9xQ2vLr7Tb4Kw@db.internal/app', { assignments: false })).toBe('a password in a URL');
    expect(detectSecret('Bearer FakeTok9xQ2vLr7Tb4KwZp3M', { assignments: false })).toBe('a bearer token');
  });

  it('uses the field: in an identifier field a documented id is judged by prefix rules only', () => {
    const name = 'twilio-sync-0123456789abcdef0123456789abcdef';
    expect(detectSecret(name)).toBe('a Twilio credential');
    expect(detectSecret(name, { field: 'name' })).toBeNull();
    expect(detectSecret(GITHUB_VALID, { field: 'externalId' })).toBe('a GitHub token');
  });
});

// Cost is measured by `npm run bench:secrets` (docs/benchmarks.md), never asserted in time here: a timed
// assertion fails on a loaded machine. What these hold is that the work is bounded: a regex that backtracks
// catastrophically on these inputs would not finish, and jest's timeout fails the test.
describe('detectSecret: bounded work', () => {
  it('refuses a value past the scan limit after looking at its head only', () => {
    const tenMegabytes = Buffer.alloc(10 * 1024 * 1024, 'x').toString('latin1');
    expect(detectSecret(tenMegabytes)).toBe(TOO_LONG_TO_SCAN);
    expect(detectSecret(`${GITHUB_VALID} ${'x'.repeat(MAX_SCANNED_CHARS)}`)).toBe('a GitHub token');
  });

  it.each([
    ['a run of one letter', 'a'.repeat(MAX_SCANNED_CHARS)],
    ['repeated JWT starts', 'eyJ'.repeat(21_000)],
    ['repeated keywords', 'secret='.repeat(9_000)],
    ['repeated URL schemes', 'a://'.repeat(16_000)],
    ['repeated Azure markers', 'abc1Q~'.repeat(10_000)],
    ['repeated Twilio words', 'twilio '.repeat(9_000)],
  ])('finishes on %s, and gives the same answer twice', (_name, value) => {
    const first = detectSecret(value);
    expect(detectSecret(value)).toBe(first);
  });
});

describe('findSecretField', () => {
  it('names the field and what it looked like, never the value', () => {
    const found = findSecretField([
      { field: 'name', value: 'ok' },
      { field: 'tags.note', value: `token ${GITHUB_VALID}` },
    ]);

    expect(found).toEqual({ field: 'tags.note', looksLike: 'a GitHub token' });
    expect(JSON.stringify(found)).not.toContain('ghp_');
  });

  it('passes each field name as context', () => {
    expect(findSecretField([{ field: 'name', value: 'twilio-sync-0123456789abcdef0123456789abcdef' }])).toBeNull();
    expect(findSecretField([{ field: 'tags.note', value: 'twilio-sync-0123456789abcdef0123456789abcdef' }])).not.toBeNull();
  });
});
