import type { NhiKind } from '@nhi/contracts';
import { vocabularyKey } from './text';

/** Words sources use for each kind (after lower-casing and turning _ - . / into spaces). */
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
  ],
  API_KEY: ['api key', 'apikey', 'key', 'access key', 'iam access key', 'api token key'],
  ACCESS_TOKEN: ['access token', 'token', 'pat', 'personal access token', 'bot token', 'oauth token', 'bearer token', 'sts token'],
  OAUTH_CLIENT: ['oauth client', 'oauth app', 'oauth application', 'client', 'app registration', 'service principal', 'client credentials'],
  CERTIFICATE: ['certificate', 'cert', 'x509', 'tls certificate', 'tls cert', 'ssl certificate', 'mtls certificate'],
  SSH_KEY: ['ssh key', 'ssh', 'deploy key', 'ssh public key'],
  SECRET: ['secret', 'password', 'credential', 'kv secret', 'connection string', 'db password', 'shared secret'],
  WORKLOAD_IDENTITY: [
    'workload identity',
    'managed identity',
    'pod identity',
    'irsa',
    'spiffe',
    'spiffe id',
    'kubernetes service account',
    'k8s service account',
  ],
  AI_AGENT: ['ai agent', 'agent', 'llm agent', 'assistant', 'ai assistant', 'copilot agent', 'mcp client'],
};

const BY_WORD = new Map<string, NhiKind>(
  (Object.entries(VOCABULARY) as Array<[NhiKind, readonly string[]]>).flatMap(([kind, words]) => [
    [vocabularyKey(kind), kind] as const,
    ...words.map((word) => [word, kind] as const),
  ]),
);

/** The canonical kind for a source's word, or null when it is not known. */
export function canonicalKind(raw: string): NhiKind | null {
  return BY_WORD.get(vocabularyKey(raw)) ?? null;
}

export const KNOWN_KIND_WORDS = [...BY_WORD.keys()];
