/**
 * Recognises values that look like credentials, so they are refused before
 * they reach the database, the logs or Kafka. It names what it saw, never the value.
 */
/** [what it looks like, pattern, a substring every match contains (a cheap test first)] */
const KNOWN_PATTERNS: Array<[string, RegExp, string?]> = [
  ['a PEM private key', /-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY-----/, 'PRIVATE KEY'],
  ['an AWS access key id', /\b(AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b/],
  ['a GitHub token', /\b(ghp|gho|ghu|ghs|ghr)_[A-Za-z0-9]{30,}\b|\bgithub_pat_[A-Za-z0-9_]{40,}\b/],
  ['a GitLab token', /\bglpat-[A-Za-z0-9_-]{20,}\b/],
  ['a Slack token', /\bxox[abposr]-[A-Za-z0-9-]{10,}\b/],
  ['a Stripe key', /\b(sk|rk|pk)_(live|test)_[A-Za-z0-9]{16,}\b/],
  ['a Google API key', /\bAIza[0-9A-Za-z_-]{35}\b/],
  ['an OpenAI key', /\bsk-(proj-)?[A-Za-z0-9_-]{20,}\b/],
  ['an npm token', /\bnpm_[A-Za-z0-9]{36}\b/],
  ['a JSON Web Token', /\beyJ[A-Za-z0-9_-]{8,}\.eyJ[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}/],
  ['a password in a URL', /[a-z][a-z0-9+.-]*:\/\/[^\s/:@]+:[^\s/@]+@/i, '://'],
];

/** Long runs of this alphabet with high entropy are keys, not names. */
const TOKEN_RUN = /[A-Za-z0-9+/=_-]{32,}/g;
const MIN_ENTROPY_BITS_PER_CHAR = 4.3;

function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/**
 * Readable ids ("kv/acct-046/billing-importer-qa-97") are words between
 * separators, in one case. Keys mix cases and digits, or run long with no separator.
 */
function looksRandom(run: string): boolean {
  const mixed = /[a-z]/.test(run) && /[A-Z]/.test(run) && /[0-9]/.test(run);
  const longestSegment = Math.max(...run.split(/[-_./:+=]/).map((segment) => segment.length));
  return mixed || longestSegment >= 24;
}

/**
 * What kind of secret the value looks like, or null. Hex digests and UUIDs
 * stay below the entropy bar (16 symbols give at most 4 bits per character).
 */
export function detectSecret(value: string): string | null {
  for (const [description, pattern, mustContain] of KNOWN_PATTERNS) {
    if ((mustContain === undefined || value.includes(mustContain)) && pattern.test(value)) return description;
  }
  for (const run of value.match(TOKEN_RUN) ?? []) {
    if (shannonEntropy(run) >= MIN_ENTROPY_BITS_PER_CHAR && looksRandom(run)) return 'a long high-entropy string';
  }
  return null;
}

export interface ScannedField {
  /** Where the value is, e.g. "name" or "tags.owner". */
  field: string;
  value: string | null | undefined;
}

/** The first field that carries something secret-looking, with what it looked like. */
export function findSecretField(fields: ScannedField[]): { field: string; looksLike: string } | null {
  for (const { field, value } of fields) {
    if (!value) continue;
    const looksLike = detectSecret(value);
    if (looksLike) return { field, looksLike };
  }
  return null;
}
