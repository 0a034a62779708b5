import { createHash } from 'node:crypto';
import { graphql } from './graphql-client';

interface DemoIdentity {
  source: string;
  kind: string;
  name: string;
  provider: string;
  externalId: string;
  environment: string;
  system: string;
  businessUnit: string;
  createdDaysAgo: number;
  scopes: string[];
}

const DAY_MS = 86_400_000;

/** A small, believable estate: several clouds, kinds, environments and business units. */
export const DEMO_ESTATE: DemoIdentity[] = [
  {
    source: 'aws-config',
    kind: 'SERVICE_ACCOUNT',
    name: 'payments-batch',
    provider: 'aws',
    externalId: 'arn:aws:iam::111122223333:role/payments-batch',
    environment: 'PRODUCTION',
    system: 'payments',
    businessUnit: 'Payments',

    createdDaysAgo: 200,
    scopes: ['s3:GetObject', 'sqs:SendMessage'],
  },
  {
    source: 'aws-config',
    kind: 'API_KEY',
    name: 'payments-gateway-key',
    provider: 'aws',
    externalId: 'apigw-key-7f3a',
    environment: 'PRODUCTION',
    system: 'payments',
    businessUnit: 'Payments',

    createdDaysAgo: 40,
    scopes: ['execute-api:Invoke'],
  },
  {
    source: 'vault',
    kind: 'SECRET',
    name: 'ledger-db-password',
    provider: 'vault',
    externalId: 'kv/ledger/db',
    environment: 'PRODUCTION',
    system: 'ledger',
    businessUnit: 'Finance',

    createdDaysAgo: 120,
    scopes: [],
  },
  {
    source: 'gcp-asset-inventory',
    kind: 'SERVICE_ACCOUNT',
    name: 'ml-training',
    provider: 'gcp',
    externalId: 'ml-training@analytics-prod.iam.gserviceaccount.com',
    environment: 'PRODUCTION',
    system: 'recommendations',
    businessUnit: 'Data',

    createdDaysAgo: 95,
    scopes: ['roles/bigquery.dataEditor'],
  },
  {
    source: 'gcp-asset-inventory',
    kind: 'WORKLOAD_IDENTITY',
    name: 'feature-store-reader',
    provider: 'gcp',
    externalId: 'feature-store@analytics-stg.iam.gserviceaccount.com',
    environment: 'STAGING',
    system: 'recommendations',
    businessUnit: 'Data',

    createdDaysAgo: 10,
    scopes: ['roles/bigquery.dataViewer'],
  },
  {
    source: 'entra-id',
    kind: 'OAUTH_CLIENT',
    name: 'hr-portal-sync',
    provider: 'azure',
    externalId: '5b1c0d2e-hr-portal-sync',
    environment: 'PRODUCTION',
    system: 'hr-portal',
    businessUnit: 'People',

    createdDaysAgo: 300,
    scopes: ['User.Read.All'],
  },
  {
    source: 'github-audit',
    kind: 'ACCESS_TOKEN',
    name: 'release-bot-pat',
    provider: 'github',
    externalId: 'pat-release-bot-2291',
    environment: 'PRODUCTION',
    system: 'ci',
    businessUnit: 'Platform',

    createdDaysAgo: 150,
    scopes: ['repo', 'workflow'],
  },
  {
    source: 'github-audit',
    kind: 'SSH_KEY',
    name: 'deploy-key-infra',
    provider: 'github',
    externalId: 'deploy-key-88121',
    environment: 'DEVELOPMENT',
    system: 'infra-repo',
    businessUnit: 'Platform',

    createdDaysAgo: 20,
    scopes: ['read'],
  },
  {
    source: 'venafi',
    kind: 'CERTIFICATE',
    name: 'api.example.com',
    provider: 'digicert',
    externalId: 'serial-0a1b2c3d4e',
    environment: 'PRODUCTION',
    system: 'edge',
    businessUnit: 'Platform',

    createdDaysAgo: 330,
    scopes: [],
  },
  {
    source: 'k8s-discovery',
    kind: 'WORKLOAD_IDENTITY',
    name: 'checkout-api',
    provider: 'kubernetes',
    externalId: 'prod-eu/checkout/checkout-api',
    environment: 'PRODUCTION',
    system: 'checkout',
    businessUnit: 'Payments',

    createdDaysAgo: 60,
    scopes: [],
  },
  {
    source: 'agent-registry',
    kind: 'AI_AGENT',
    name: 'support-triage-agent',
    provider: 'openai',
    externalId: 'asst_support_triage',
    environment: 'PRODUCTION',
    system: 'support',
    businessUnit: 'Customer Care',

    createdDaysAgo: 30,
    scopes: ['tickets:read', 'tickets:comment'],
  },
  {
    source: 'aws-config',
    kind: 'ACCESS_TOKEN',
    name: 'test-harness-token',
    provider: 'aws',
    externalId: 'sts-test-harness',
    environment: 'TEST',
    system: 'qa',
    businessUnit: 'Platform',

    createdDaysAgo: 5,
    scopes: [],
  },
];

const INGEST = `
  mutation Ingest($input: IngestIdentitiesInput!) {
    ingestIdentities(input: $input) { created updated unchanged rejectedCount }
  }`;

/** Loads the demo estate through the public API, source by source, as connectors would. Safe to run twice. */
export async function seedDemoEstate(gatewayUrl: string, token: string, now = new Date()): Promise<number> {
  const bySource = new Map<string, Array<Record<string, unknown>>>();
  for (const identity of DEMO_ESTATE) {
    const { createdDaysAgo, source, ...fields } = identity;
    const fingerprint = createHash('sha256').update(`demo:${identity.provider}:${identity.externalId}`).digest('base64url');
    bySource.set(source, [
      ...(bySource.get(source) ?? []),
      {
        ...fields,
        createdAt: new Date(now.getTime() - createdDaysAgo * DAY_MS).toISOString(),
        credentialFingerprint: `sha256:${fingerprint}`,
      },
    ]);
  }
  let loaded = 0;
  for (const [source, identities] of bySource) {
    const { ingestIdentities } = await graphql<{
      ingestIdentities: { created: number; updated: number; unchanged: number; rejectedCount: number };
    }>(gatewayUrl, token, INGEST, { input: { source, identities } });
    if (ingestIdentities.rejectedCount > 0)
      throw new Error(`the demo estate has ${ingestIdentities.rejectedCount} rows inventory rejects (source ${source})`);
    loaded += ingestIdentities.created + ingestIdentities.updated + ingestIdentities.unchanged;
  }
  return loaded;
}
