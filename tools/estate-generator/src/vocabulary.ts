/** How real sources spell things: several words for one provider, kind or environment. */
export interface ProviderProfile {
  canonical: string;
  aliases: readonly string[];
  sources: readonly string[];
  kinds: ReadonlyArray<readonly [string, readonly string[]]>;
  /** A real resource type of this provider that no kind vocabulary knows: inventory takes it as OTHER, with a warning. */
  unknownKind: string;
  scopes: readonly string[];
  externalId: (name: string, account: string) => string;
}

export const PROVIDERS: readonly ProviderProfile[] = [
  {
    canonical: 'aws',
    aliases: ['aws', 'AWS', 'Amazon Web Services', 'amazon'],
    sources: ['aws-config', 'cloudtrail-usage'],
    kinds: [
      ['SERVICE_ACCOUNT', ['IAM Role', 'iam_role', 'svc-account']],
      ['API_KEY', ['access key', 'iam access key']],
    ],
    unknownKind: 'AWS::IAM::OIDCProvider',
    scopes: [
      's3:GetObject',
      's3:PutObject',
      'sqs:SendMessage',
      'sqs:ReceiveMessage',
      'dynamodb:Query',
      's3:*',
      'iam:PassRole',
      'AdministratorAccess',
    ],
    externalId: (name, account) => `arn:aws:iam::${account}:role/${name}`,
  },
  {
    canonical: 'gcp',
    aliases: ['gcp', 'GCP', 'Google Cloud', 'google cloud platform'],
    sources: ['gcp-asset-inventory'],
    kinds: [
      ['SERVICE_ACCOUNT', ['service account', 'serviceAccount']],
      ['WORKLOAD_IDENTITY', ['workload identity']],
    ],
    unknownKind: 'iam.googleapis.com/WorkloadIdentityPoolProvider',
    scopes: ['roles/bigquery.dataViewer', 'roles/storage.objectAdmin', 'roles/pubsub.publisher', 'roles/editor', 'roles/owner'],
    externalId: (name, account) => `${name}@${account}.iam.gserviceaccount.com`,
  },
  {
    canonical: 'azure',
    aliases: ['azure', 'Azure', 'Microsoft Entra ID', 'AAD'],
    sources: ['entra-id'],
    kinds: [
      ['OAUTH_CLIENT', ['Service Principal', 'app registration']],
      ['WORKLOAD_IDENTITY', ['managed identity']],
    ],
    unknownKind: 'Microsoft.Web/sites/basicPublishingCredentialsPolicies',
    scopes: ['Reader', 'User.Read.All', 'Contributor', 'Storage Blob Data Reader', 'Owner'],
    externalId: (name, account) => `${account}/${name}`,
  },
  {
    canonical: 'github',
    aliases: ['github', 'GitHub', 'gh'],
    sources: ['github-audit'],
    kinds: [
      ['ACCESS_TOKEN', ['pat', 'personal access token']],
      ['SSH_KEY', ['deploy key']],
    ],
    unknownKind: 'SSH certificate authority',
    scopes: ['read:org', 'repo', 'workflow', 'admin:org', 'read:packages'],
    externalId: (name, account) => `${account}:${name}`,
  },
  {
    canonical: 'vault',
    aliases: ['vault', 'HashiCorp Vault'],
    sources: ['vault'],
    kinds: [['SECRET', ['kv secret', 'secret', 'password']]],
    unknownKind: 'AppRole',
    scopes: [],
    externalId: (name, account) => `kv/${account}/${name}`,
  },
  {
    canonical: 'kubernetes',
    aliases: ['kubernetes', 'k8s'],
    sources: ['k8s-discovery'],
    kinds: [['WORKLOAD_IDENTITY', ['kubernetes service account', 'workload identity']]],
    unknownKind: 'kubernetes.io/dockercfg',
    scopes: ['get pods', 'list configmaps', 'cluster-admin', 'create deployments'],
    externalId: (name, account) => `${account}/${name}`,
  },
  {
    canonical: 'openai',
    aliases: ['openai', 'OpenAI'],
    sources: ['agent-registry'],
    kinds: [['AI_AGENT', ['ai agent', 'LLM agent', 'assistant']]],
    unknownKind: 'vector store',
    scopes: ['tickets:read', 'tickets:comment', 'kb:search'],
    externalId: (name, account) => `asst_${account}_${name}`,
  },
];

export const ENVIRONMENTS = [
  { words: ['prod', 'prd', 'Production', 'PRODUCTION'], hint: 'prd' },
  { words: ['stg', 'staging', 'UAT'], hint: 'stg' },
  { words: ['dev', 'development'], hint: 'dev' },
  { words: ['test', 'qa'], hint: 'qa' },
] as const;

export const BUSINESS_UNITS = ['Payments', 'Finance', 'Data', 'Platform', 'People', 'Customer Care', 'Marketing', 'Security'];
export const SYSTEMS = [
  'payments',
  'ledger',
  'checkout',
  'recommendations',
  'hr-portal',
  'ci',
  'edge',
  'support',
  'crm',
  'search',
  'billing',
  'reporting',
];
export const ROLES = [
  'batch',
  'reader',
  'writer',
  'sync',
  'exporter',
  'importer',
  'deployer',
  'scheduler',
  'gateway',
  'worker',
  'bot',
  'agent',
];
export const LEAK_SCANNER = 'gitguardian';
