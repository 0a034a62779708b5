import { patternRule, SecretRule } from './rule';

const AWS_KEY_ID = /\b(?:AKIA|ASIA)[A-Z0-9]{16}\b/;
/** 40 characters of the secret key's alphabet, not inside a longer run. */
const AWS_SECRET_SHAPE = /(?<![A-Za-z0-9/+=])[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/g;

/** A secret access key is random base64: both cases and a digit (a 40-hex git sha has no upper case). */
function looksLikeAwsSecret(candidate: string): boolean {
  return /[a-z]/.test(candidate) && /[A-Z]/.test(candidate) && /[0-9]/.test(candidate);
}

/**
 * The 40-character secret access key has no prefix, so it counts only next to a key id in the
 * same value, or after an AWS secret keyword. The key id alone is an identifier, never a secret.
 */
const awsSecretWithKeyId: SecretRule = {
  looksLike: 'an AWS secret access key',
  hints: ['ia'],
  contextual: true,
  match(text: string): string | null {
    if (!AWS_KEY_ID.test(text)) return null;
    AWS_SECRET_SHAPE.lastIndex = 0;
    for (let found = AWS_SECRET_SHAPE.exec(text); found; found = AWS_SECRET_SHAPE.exec(text)) {
      if (looksLikeAwsSecret(found[0])) return 'an AWS secret access key';
    }
    return null;
  },
};

export const CLOUD_RULES: readonly SecretRule[] = [
  awsSecretWithKeyId,
  patternRule(
    'an AWS secret access key',
    ['secret'],
    /aws[A-Za-z0-9_ .-]{0,30}secret[A-Za-z0-9_ .-]{0,20}["']?[ \t]{0,5}[:=][ \t]{0,5}["']?[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])/i,
    { contextual: true },
  ),
  patternRule('a Google API key', ['aiza'], /\bAIza[0-9A-Za-z_-]{35}(?![0-9A-Za-z_-])/),
  // Azure AD client secrets: 3 characters, a digit, "Q~", then 31 to 34 (Microsoft's current format).
  patternRule('an Azure AD client secret', ['q~'], /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/),
  patternRule('an Azure storage account key', ['accountkey='], /AccountKey=[A-Za-z0-9+/]{86}==/),
  patternRule('a HashiCorp Vault token', ['hv'], /\bhv[sbr]\.[A-Za-z0-9_-]{24,}/),
  // Legacy Vault service tokens: "s." and 24 base62 characters, both cases (so "s.readablename" is not one).
  patternRule('a HashiCorp Vault token', ['s.'], /(?<![A-Za-z0-9._-])s\.[A-Za-z0-9]{24}(?![A-Za-z0-9._-])/, {
    validate: (found) => /[a-z]/.test(found[0].slice(2)) && /[A-Z]/.test(found[0]),
  }),
  patternRule('a Databricks token', ['dapi'], /\bdapi[a-f0-9]{32}(?:-\d)?\b/),
  patternRule('a DigitalOcean token', ['_v1_'], /\bdo[por]_v1_[a-f0-9]{64}\b/),
  patternRule('a Doppler token', ['dp.'], /\bdp\.(?:pt|st|ct|sa|scim|audit)\.[A-Za-z0-9]{40,44}\b/),
  patternRule('a Tailscale key', ['tskey-'], /\btskey-(?:auth|api|client|webhook|scim)-[A-Za-z0-9]{6,}-[A-Za-z0-9]{20,}/),
  patternRule('a Heroku API key', ['hrku-'], /\bHRKU-[A-Za-z0-9_-]{60}/),
  // A legacy Heroku key is a bare UUID: only after a Heroku keyword, since UUIDs are ids everywhere else.
  patternRule(
    'a Heroku API key',
    ['heroku'],
    /heroku[A-Za-z0-9_ .-]{0,20}(?:key|token|secret|password|auth)[A-Za-z0-9_ .-]{0,10}["']?[ \t]{0,5}[:=][ \t]{0,5}["']?[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\b/i,
    { contextual: true },
  ),
];
