import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildIdentifierCorpus, buildSecretCorpus, toNdjson } from './corpus/build-corpus';
import { CorpusSample } from './corpus/random';
import { detectSecret } from './secret-detector';

const CORPUS_DIR = path.join(__dirname, '..', 'corpus');
const read = (file: string) => readFileSync(path.join(CORPUS_DIR, file), 'utf8');
const parse = (text: string): CorpusSample[] =>
  text
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as CorpusSample);

const secrets = parse(read('secrets.ndjson'));
const identifiers = parse(read('identifiers.ndjson'));
const flagged = (samples: CorpusSample[]) => samples.filter((s) => detectSecret(s.value, { field: s.field }) !== null);

/** What each corpus format must be reported as: one targeted expectation per format. */
const EXPECTED: Record<string, string> = {
  'github-classic': 'a GitHub token',
  'github-fine-grained': 'a GitHub token',
  gitlab: 'a GitLab token',
  npm: 'an npm token',
  pypi: 'a PyPI token',
  huggingface: 'a Hugging Face token',
  atlassian: 'an Atlassian API token',
  linear: 'a Linear API key',
  postman: 'a Postman API key',
  openai: 'an OpenAI API key',
  'openai-legacy': 'an OpenAI API key',
  anthropic: 'an Anthropic API key',
  age: 'an age secret key',
  'pem-private-key': 'a PEM private key',
  'openssh-private-key': 'an OpenSSH private key',
  jwt: 'a JSON Web Token',
  'gcp-service-account-json': 'a Google service-account key (JSON)',
  'aws-secret-with-key-id': 'an AWS secret access key',
  'aws-secret-with-keyword': 'an AWS secret access key',
  'google-api-key': 'a Google API key',
  'azure-client-secret': 'an Azure AD client secret',
  'azure-storage-key': 'an Azure storage account key',
  vault: 'a HashiCorp Vault token',
  'vault-legacy': 'a HashiCorp Vault token',
  databricks: 'a Databricks token',
  digitalocean: 'a DigitalOcean token',
  doppler: 'a Doppler token',
  tailscale: 'a Tailscale key',
  heroku: 'a Heroku API key',
  'heroku-new': 'a Heroku API key',
  slack: 'a Slack token',
  'slack-webhook': 'a Slack webhook URL',
  stripe: 'a Stripe key',
  sendgrid: 'a SendGrid API key',
  twilio: 'a Twilio credential',
  shopify: 'a Shopify access token',
  square: 'a Square access token',
  discord: 'a Discord bot token',
  mailchimp: 'a Mailchimp API key',
  'new-relic': 'a New Relic key',
  'url-credentials': 'a password in a URL',
  'password-assignment': 'a password assignment',
  'secret-assignment': 'a secret assignment',
  'bearer-token': 'a bearer token',
};

describe('the labelled corpus', () => {
  it('is what the seeded generator writes (node -r @swc-node/register libs/secrets/src/corpus/write-corpus.ts)', () => {
    expect(read('secrets.ndjson')).toBe(toNdjson(buildSecretCorpus()));
    expect(read('identifiers.ndjson')).toBe(toNdjson(buildIdentifierCorpus()));
  });

  it('is large enough to mean something', () => {
    expect(secrets.length).toBeGreaterThanOrEqual(300);
    expect(new Set(secrets.map((s) => s.format)).size).toBeGreaterThanOrEqual(30);
    expect(identifiers.length).toBeGreaterThanOrEqual(1000);
  });

  it('finds at least 99% of the secrets, and every format at least once', () => {
    const missed = secrets.length - flagged(secrets).length;
    expect(missed / secrets.length).toBeLessThanOrEqual(0.01);
    const formats = new Set(flagged(secrets).map((s) => s.format));
    expect([...new Set(secrets.map((s) => s.format))].filter((f) => !formats.has(f))).toEqual([]);
  });

  it('rejects at most 0.1% of the identifiers, with or without their field', () => {
    expect(flagged(identifiers).length / identifiers.length).toBeLessThanOrEqual(0.001);
    const withoutField = identifiers.filter((s) => detectSecret(s.value) !== null);
    expect(withoutField.length / identifiers.length).toBeLessThanOrEqual(0.001);
  });

  it.each(Object.entries(EXPECTED))('reports every %s sample as %p', (format, looksLike) => {
    const samples = secrets.filter((s) => s.format === format);
    expect(samples.length).toBeGreaterThan(0);
    for (const s of samples) expect(detectSecret(s.value, { field: s.field })).toBe(looksLike);
  });

  it('has an expectation for every format', () => {
    expect([...new Set(secrets.map((s) => s.format))].sort()).toEqual(Object.keys(EXPECTED).sort());
  });
});
