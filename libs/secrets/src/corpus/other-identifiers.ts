import { IdentifierFamily } from './aws-identifiers';
import { BASE64, DIGITS, HEX, LOWER, Random, uuid } from './random';

/** GCP, Azure, Kubernetes, GitHub and fingerprint identifiers in their documented shapes. */
const WORDS = ['payments', 'ledger', 'billing', 'etl', 'ml-training', 'ci', 'deploy', 'backup', 'metrics', 'gateway', 'orders', 'search'];
const ENVS = ['prod', 'staging', 'dev', 'qa'];
const RESOURCE_TYPES = [
  'Microsoft.ManagedIdentity/userAssignedIdentities',
  'Microsoft.KeyVault/vaults',
  'Microsoft.Storage/storageAccounts',
  'Microsoft.Web/sites',
  'Microsoft.ContainerService/managedClusters',
];

const word = (r: Random) => r.pick(WORDS);
const project = (r: Random) => `${word(r)}-${r.pick(ENVS)}-${r.chars(DIGITS, 4)}`;
const k8sName = (r: Random) => `${word(r)}-${r.pick(['worker', 'api', 'cron', 'sa'])}-${r.chars(LOWER + DIGITS, 5)}`;
const colonHex = (r: Random, bytes: number) => Array.from({ length: bytes }, () => r.chars(HEX, 2)).join(':');

export const OTHER_FAMILIES: IdentifierFamily[] = [
  ['gcp-service-account-email', 'externalId', (r) => `${word(r)}-${r.pick(ENVS)}@${project(r)}.iam.gserviceaccount.com`],
  ['gcp-service-account-email', 'name', (r) => `${r.chars(DIGITS, 12)}-compute@developer.gserviceaccount.com`],
  ['gcp-key-id', 'keyId', (r) => r.chars(HEX, 40)],
  [
    'gcp-resource-name',
    'externalId',
    (r) => `projects/${project(r)}/serviceAccounts/${word(r)}@${project(r)}.iam.gserviceaccount.com/keys/${r.chars(HEX, 40)}`,
  ],
  [
    'azure-resource-id',
    'externalId',
    (r) =>
      `/subscriptions/${uuid(r)}/resourceGroups/rg-${word(r)}-${r.pick(ENVS)}/providers/${r.pick(RESOURCE_TYPES)}/${word(r)}-${r.chars(LOWER + DIGITS, 6)}`,
  ],
  ['azure-app-id', 'externalId', (r) => uuid(r)],
  ['azure-app-id', 'tags.appId', (r) => uuid(r).toUpperCase()],
  ['kubernetes-service-account', 'externalId', (r) => `system:serviceaccount:${r.pick(ENVS)}-${word(r)}:${k8sName(r)}`],
  ['kubernetes-name', 'name', (r) => k8sName(r)],
  ['kubernetes-label', 'tags.selector', (r) => `app.kubernetes.io/name=${k8sName(r)}`],
  ['kubernetes-pod', 'name', (r) => `${word(r)}-deployment-${r.chars(HEX, 10)}-${r.chars(LOWER + DIGITS, 5)}`],
  ['github-app-slug', 'name', (r) => `${word(r)}-${r.pick(['bot', 'app', 'sync', 'ci'])}${r.int(2) ? `-${r.chars(LOWER, 4)}` : ''}`],
  ['github-app-id', 'externalId', (r) => `github-app/${r.chars(DIGITS, 6)}/installations/${r.chars(DIGITS, 8)}`],
  ['uuid', 'externalId', (r) => uuid(r)],
  ['sha256-fingerprint', 'credentialFingerprint', (r) => `sha256:${r.chars(HEX, 64)}`],
  ['ssh-fingerprint', 'credentialFingerprint', (r) => `SHA256:${r.chars(BASE64, 43)}`],
  ['x509-fingerprint', 'tags.thumbprint', (r) => colonHex(r, 20).toUpperCase()],
  ['sha1-fingerprint', 'credentialFingerprint', (r) => `sha1:${r.chars(HEX, 40)}`],
];
