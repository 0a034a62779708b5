import type { NhiEnvironment } from '@nhi/contracts';
import { vocabularyKey } from './text';

const WORDS: Record<Exclude<NhiEnvironment, 'UNKNOWN'>, readonly string[]> = {
  PRODUCTION: ['production', 'prod', 'prd', 'live', 'prod eu', 'prod us'],
  STAGING: ['staging', 'stage', 'stg', 'uat', 'preprod', 'pre prod', 'preproduction'],
  DEVELOPMENT: ['development', 'dev', 'develop', 'sandbox', 'sbx'],
  TEST: ['test', 'testing', 'tst', 'qa'],
};

const BY_WORD = new Map<string, NhiEnvironment>(
  (Object.entries(WORDS) as Array<[NhiEnvironment, readonly string[]]>).flatMap(([env, words]) => words.map((w) => [w, env] as const)),
);

/** A source's own word for an environment: "prd", "Production", "UAT" ... Null when not recognised. */
export function canonicalEnvironment(raw: string): NhiEnvironment | null {
  const key = vocabularyKey(raw);
  if (key === 'unknown') return 'UNKNOWN';
  return BY_WORD.get(key) ?? null;
}

// Hints inside names and account ids: whole tokens only, so "product" is not "prod".
const TOKEN_HINTS: Array<[NhiEnvironment, RegExp]> = [
  ['PRODUCTION', /(^|[^a-z0-9])(prod|prd|production|live)([^a-z0-9]|$)/],
  // A lone "p" between separators is a common production marker in account names: "acme-p-eu1".
  ['PRODUCTION', /(^|[-_.])p([-_.]|$)/],
  ['STAGING', /(^|[^a-z0-9])(stg|staging|stage|uat|preprod)([^a-z0-9]|$)/],
  ['DEVELOPMENT', /(^|[^a-z0-9])(dev|development|sandbox|sbx)([^a-z0-9]|$)/],
  ['TEST', /(^|[^a-z0-9])(test|qa|tst)([^a-z0-9]|$)/],
];

/**
 * Infers the environment from tags first (env, environment, stage), then from
 * hints in the name and the provider account or id. Null when nothing is clear;
 * conflicting hints (a "prod" and a "dev") are not a guess either.
 */
export function inferEnvironment(hints: { tags: Record<string, string>; texts: string[] }): NhiEnvironment | null {
  for (const key of ['env', 'environment', 'stage', 'tier']) {
    const tagged = hints.tags[key];
    if (tagged) {
      const environment = canonicalEnvironment(tagged);
      if (environment && environment !== 'UNKNOWN') return environment;
    }
  }
  const found = new Set<NhiEnvironment>();
  for (const text of hints.texts) {
    const lower = text.toLowerCase();
    for (const [environment, pattern] of TOKEN_HINTS) if (pattern.test(lower)) found.add(environment);
  }
  const [only, ...others] = [...found];
  return only && others.length === 0 ? only : null;
}
