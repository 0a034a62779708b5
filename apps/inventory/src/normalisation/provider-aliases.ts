import { vocabularyKey } from './text';

/**
 * Canonical providers and the names sources use for them. A provider that is
 * not listed keeps its own name, lower case, with spaces turned into hyphens.
 */
const ALIASES: Record<string, readonly string[]> = {
  aws: ['aws', 'amazon', 'amazon web services', 'amazonwebservices', 'aws iam', 'amazon aws'],
  gcp: ['gcp', 'google', 'google cloud', 'google cloud platform', 'gcloud', 'gcp iam'],
  azure: ['azure', 'microsoft azure', 'azure ad', 'aad', 'entra', 'entra id', 'microsoft entra id', 'microsoft'],
  github: ['github', 'gh', 'github com', 'github enterprise'],
  gitlab: ['gitlab', 'gl', 'gitlab com'],
  kubernetes: ['kubernetes', 'k8s', 'kube'],
  vault: ['vault', 'hashicorp vault', 'hashicorp', 'hcp vault'],
  okta: ['okta'],
  salesforce: ['salesforce', 'sfdc'],
  slack: ['slack'],
  stripe: ['stripe'],
  openai: ['openai', 'open ai'],
  anthropic: ['anthropic'],
  snowflake: ['snowflake'],
  datadog: ['datadog', 'dd'],
};

const BY_ALIAS = new Map<string, string>(
  Object.entries(ALIASES).flatMap(([canonical, aliases]) => aliases.map((alias) => [alias, canonical] as const)),
);

/** Providers whose identifiers do not depend on case, so keys are compared in lower case. */
const CASE_INSENSITIVE_IDS = new Set(['aws', 'gcp', 'azure', 'github', 'gitlab', 'okta', 'kubernetes']);

export function canonicalProvider(raw: string): string {
  const key = vocabularyKey(raw);
  return BY_ALIAS.get(key) ?? key.replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '');
}

/** The provider's identifier as the natural key stores it. */
export function canonicalExternalId(provider: string, raw: string): string {
  const trimmed = raw.trim();
  return CASE_INSENSITIVE_IDS.has(provider) ? trimmed.toLowerCase() : trimmed;
}
