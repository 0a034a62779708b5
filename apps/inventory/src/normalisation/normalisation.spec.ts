import { canonicalEnvironment, inferEnvironment } from './environment';
import { canonicalKind } from './kind-vocabulary';
import { canonicalExternalId, canonicalProvider } from './provider-aliases';
import { cleanText } from './text';

describe('providers', () => {
  it.each(['AWS', 'aws', 'amazon', 'Amazon Web Services', ' amazon_web_services '])('maps %p to aws', (raw) => {
    expect(canonicalProvider(raw)).toBe('aws');
  });

  it.each([
    ['Google Cloud Platform', 'gcp'],
    ['Microsoft Entra ID', 'azure'],
    ['K8s', 'kubernetes'],
    ['HashiCorp Vault', 'vault'],
    ['Acme Internal PKI', 'acme-internal-pki'],
  ])('maps %p to %p', (raw, canonical) => {
    expect(canonicalProvider(raw)).toBe(canonical);
  });

  it('lower-cases ids only where the provider treats them case-insensitively', () => {
    expect(canonicalExternalId('aws', ' ARN:AWS:IAM::1:role/Payments ')).toBe('arn:aws:iam::1:role/payments');
    expect(canonicalExternalId('vault', ' kv/Payments/DB ')).toBe('kv/Payments/DB');
  });
});

describe('kinds', () => {
  it.each([
    ['svc-account', 'SERVICE_ACCOUNT'],
    ['IAM Role', 'SERVICE_ACCOUNT'],
    ['api_key', 'API_KEY'],
    ['PAT', 'ACCESS_TOKEN'],
    ['Service Principal', 'OAUTH_CLIENT'],
    ['x509', 'CERTIFICATE'],
    ['deploy-key', 'SSH_KEY'],
    ['kv secret', 'SECRET'],
    ['managed identity', 'WORKLOAD_IDENTITY'],
    ['LLM agent', 'AI_AGENT'],
    ['WORKLOAD_IDENTITY', 'WORKLOAD_IDENTITY'],
  ])('maps %p to %p', (raw, kind) => {
    expect(canonicalKind(raw)).toBe(kind);
  });

  it.each([
    ['AWS::IAM::User', 'SERVICE_ACCOUNT'],
    ['AWS::IAM::Role', 'SERVICE_ACCOUNT'],
    ['AWS::IAM::InstanceProfile', 'WORKLOAD_IDENTITY'],
    ['instance profile', 'WORKLOAD_IDENTITY'],
    ['Kubernetes ServiceAccount', 'WORKLOAD_IDENTITY'],
    ['ServiceAccount', 'SERVICE_ACCOUNT'],
    ['iam.googleapis.com/ServiceAccount', 'SERVICE_ACCOUNT'],
    ['iam.googleapis.com/ServiceAccountKey', 'API_KEY'],
    ['service account key', 'API_KEY'],
    ['user-assigned managed identity', 'WORKLOAD_IDENTITY'],
    ['Microsoft.ManagedIdentity/userAssignedIdentities', 'WORKLOAD_IDENTITY'],
    ['app registration', 'OAUTH_CLIENT'],
    ['GitHub App', 'OAUTH_CLIENT'],
    ['GitHub deploy key', 'SSH_KEY'],
    ['fine-grained PAT', 'ACCESS_TOKEN'],
    ['Okta API token', 'API_KEY'],
    ['Okta service app', 'OAUTH_CLIENT'],
  ])('maps the real-export word %p to %p', (raw, kind) => {
    expect(canonicalKind(raw)).toBe(kind);
  });

  it('says null for a word it does not know', () => {
    expect(canonicalKind('spaceship')).toBeNull();
  });
});

describe('environments', () => {
  it.each([
    ['prd', 'PRODUCTION'],
    ['Production', 'PRODUCTION'],
    ['UAT', 'STAGING'],
    ['dev', 'DEVELOPMENT'],
    ['QA', 'TEST'],
  ])('maps %p to %p', (raw, environment) => {
    expect(canonicalEnvironment(raw)).toBe(environment);
  });

  it('infers from tags before names', () => {
    expect(inferEnvironment({ tags: { env: 'stg' }, texts: ['payments-prod-reader'] })).toBe('STAGING');
  });

  it.each([
    ['payments-prod-reader', 'PRODUCTION'],
    ['acme-p-eu1', 'PRODUCTION'],
    ['billing_stg_writer', 'STAGING'],
    ['ci.dev.builder', 'DEVELOPMENT'],
  ])('infers %p as %p', (text, environment) => {
    expect(inferEnvironment({ tags: {}, texts: [text] })).toBe(environment);
  });

  it('does not guess from words that only contain a hint, or from contradicting hints', () => {
    expect(inferEnvironment({ tags: {}, texts: ['product-catalogue', 'developer-portal'] })).toBeNull();
    expect(inferEnvironment({ tags: {}, texts: ['prod-to-dev-sync'] })).toBeNull();
  });
});

describe('text', () => {
  it('collapses whitespace', () => {
    expect(cleanText('  payments \t  batch\n')).toBe('payments batch');
  });
});
