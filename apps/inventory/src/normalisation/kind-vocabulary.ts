import type { NhiKind } from '@nhi/contracts';
import { vocabularyKey } from './text';

/**
 * Words sources use for each kind (after lower-casing and turning _ - . / : #
 * into spaces), including the resource types of the exports we read: AWS Config
 * (`AWS::IAM::User`), GCP Asset Inventory (`iam.googleapis.com/ServiceAccount`),
 * Azure Resource Graph and Microsoft Graph (`Microsoft.ManagedIdentity/userAssignedIdentities`,
 * `#microsoft.graph.servicePrincipal`), Kubernetes (`ServiceAccount`, Secret types
 * such as `kubernetes.io/service-account-token`), GitHub and Okta. A word not
 * listed is not refused: the row becomes OTHER and keeps the word (row-normaliser.ts).
 */
const VOCABULARY: Record<NhiKind, readonly string[]> = {
  SERVICE_ACCOUNT: [
    'service account',
    'serviceaccount',
    'svc account',
    'svc',
    'sa',
    'iam role',
    'role',
    'iam user',
    'machine user',
    'system user',
    'bot user',
    'aws iam user',
    'aws iam role',
    'iam googleapis com serviceaccount',
    'gcp service account',
    'google service account',
    'okta service account',
  ],
  API_KEY: [
    'api key',
    'apikey',
    'key',
    'access key',
    'iam access key',
    'api token key',
    'aws iam accesskey',
    'service account key',
    'sa key',
    'iam googleapis com serviceaccountkey',
    'gcp service account key',
    'okta api token',
    'ssws token',
    'aws apigateway apikey',
    'apikeys googleapis com key',
    'gcp api key',
  ],
  ACCESS_TOKEN: [
    'access token',
    'token',
    'pat',
    'personal access token',
    'bot token',
    'oauth token',
    'bearer token',
    'sts token',
    'github pat',
    'fine grained personal access token',
    'fine grained pat',
    'classic pat',
    'installation token',
    'installation access token',
    'github app installation token',
    'github token',
    'kubernetes io service account token',
    'service account token',
  ],
  OAUTH_CLIENT: [
    'oauth client',
    'oauth app',
    'oauth application',
    'client',
    'app registration',
    'service principal',
    'client credentials',
    'github app',
    'github oauth app',
    'azure app registration',
    'entra app registration',
    'azure ad application',
    'enterprise application',
    'azure service principal',
    'okta service app',
    'service app',
    'api services app',
    'okta api service integration',
    'oauth2 client',
    'oauth client id',
    'oauth 2 0 client id',
    'serviceprincipal',
    'microsoft graph serviceprincipal',
    'microsoft graph application',
    'aws cognito userpoolclient',
  ],
  CERTIFICATE: [
    'certificate',
    'cert',
    'x509',
    'tls certificate',
    'tls cert',
    'ssl certificate',
    'mtls certificate',
    'aws acm certificate',
    'aws iam servercertificate',
    'aws iot certificate',
    'certificatemanager googleapis com certificate',
    'compute googleapis com sslcertificate',
    'microsoft keyvault vaults certificates',
    'kubernetes io tls',
    'key credential',
  ],
  SSH_KEY: ['ssh key', 'ssh', 'deploy key', 'ssh public key', 'github deploy key', 'aws ec2 keypair', 'kubernetes io ssh auth'],
  SECRET: [
    'secret',
    'password',
    'credential',
    'kv secret',
    'connection string',
    'db password',
    'shared secret',
    'aws secretsmanager secret',
    'secretmanager googleapis com secret',
    'microsoft keyvault vaults secrets',
    'kubernetes secret',
    'k8s secret',
    'kubernetes io basic auth',
    'client secret',
    'password credential',
    'actions secret',
    'github actions secret',
    'dependabot secret',
    'codespaces secret',
  ],
  WORKLOAD_IDENTITY: [
    'workload identity',
    'managed identity',
    'pod identity',
    'irsa',
    'spiffe',
    'spiffe id',
    'kubernetes service account',
    'k8s service account',
    'kubernetes serviceaccount',
    'k8s serviceaccount',
    'managed service identity',
    'msi',
    'user assigned managed identity',
    'system assigned managed identity',
    'user assigned identity',
    'microsoft managedidentity userassignedidentities',
    'instance profile',
    'aws iam instanceprofile',
    'aws eks podidentityassociation',
    'federated identity credential',
  ],
  AI_AGENT: ['ai agent', 'agent', 'llm agent', 'assistant', 'ai assistant', 'copilot agent', 'mcp client'],
  // Only its own name: OTHER is what an unknown word becomes, never a word's mapping.
  OTHER: [],
};

/**
 * Source words, keyed like the vocabulary; ':' and '#' too, so AWS Config's `AWS::IAM::User` reads as
 * "aws iam user" and Microsoft Graph's `#microsoft.graph.servicePrincipal` as "microsoft graph serviceprincipal".
 */
const keyOf = (raw: string): string => vocabularyKey(raw.replace(/[:#]+/g, ' '));

const BY_WORD = new Map<string, NhiKind>(
  (Object.entries(VOCABULARY) as Array<[NhiKind, readonly string[]]>).flatMap(([kind, words]) => [
    [vocabularyKey(kind), kind] as const,
    ...words.map((word) => [word, kind] as const),
  ]),
);

/** The canonical kind for a source's word, or null when it is not known (the caller decides what that means). */
export function canonicalKind(raw: string): NhiKind | null {
  return BY_WORD.get(keyOf(raw)) ?? null;
}

export const KNOWN_KIND_WORDS = [...BY_WORD.keys()];
