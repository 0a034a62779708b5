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
    ['AWS::SecretsManager::Secret', 'SECRET'],
    ['AWS::ACM::Certificate', 'CERTIFICATE'],
    ['AWS::IoT::Certificate', 'CERTIFICATE'],
    ['AWS::EC2::KeyPair', 'SSH_KEY'],
    ['AWS::Cognito::UserPoolClient', 'OAUTH_CLIENT'],
    ['AWS::EKS::PodIdentityAssociation', 'WORKLOAD_IDENTITY'],
    ['secretmanager.googleapis.com/Secret', 'SECRET'],
    ['apikeys.googleapis.com/Key', 'API_KEY'],
    ['compute.googleapis.com/SslCertificate', 'CERTIFICATE'],
    ['OAuth 2.0 client ID', 'OAUTH_CLIENT'],
    ['microsoft.keyvault/vaults/secrets', 'SECRET'],
    ['Microsoft.KeyVault/vaults/certificates', 'CERTIFICATE'],
    ['#microsoft.graph.servicePrincipal', 'OAUTH_CLIENT'],
    ['#microsoft.graph.application', 'OAUTH_CLIENT'],
    ['federated identity credential', 'WORKLOAD_IDENTITY'],
    ['kubernetes.io/service-account-token', 'ACCESS_TOKEN'],
    ['kubernetes.io/tls', 'CERTIFICATE'],
    ['kubernetes.io/ssh-auth', 'SSH_KEY'],
    ['kubernetes.io/basic-auth', 'SECRET'],
    ['GitHub Actions secret', 'SECRET'],
    ['installation access token', 'ACCESS_TOKEN'],
    ['Okta API Service Integration', 'OAUTH_CLIENT'],
  ])('maps the real-export word %p to %p', (raw, kind) => {
    expect(canonicalKind(raw)).toBe(kind);
  });

  it('knows OTHER by its own name only', () => {
    expect(canonicalKind('OTHER')).toBe('OTHER');
  });

  it.each(['spaceship', 'AWS::IAM::OIDCProvider', 'AWS::IAM::Group', 'iam.googleapis.com/WorkloadIdentityPoolProvider', 'AppRole'])(
    'says null for the word %p it does not know (ingest takes it as OTHER)',
    (raw) => {
      expect(canonicalKind(raw)).toBeNull();
    },
  );
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
