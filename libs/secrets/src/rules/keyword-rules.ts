import { shannonEntropy } from '../entropy';
import { isPlaceholder } from '../placeholders';
import { SecretRule } from './rule';

/**
 * `password = hunter2`: any real value after a password keyword is a password. The keyword must
 * stand alone, so IAM's `password_last_used` or `password_enabled` are not assignments.
 */
const PASSWORD_ASSIGNMENT =
  /(?<![A-Za-z0-9])(?:password|passwd|pwd|passphrase)(?:["')][ \t]{0,5}[:=]|[ \t]{0,5}=|[ \t]{0,5}:(?=[ \t"']))[ \t]{0,5}["'(]?([^\s"',;&)]{1,256})/gi;

/**
 * `secret=`, `token:`, `api_key=`, `client_secret`: the value must also look random (entropy plus a
 * digit or mixed case), as these keywords also name settings (`token_type=bearer`). A colon counts only
 * with a space or quote after it, so IAM actions (`secretsmanager:GetSecretValue`) are not assignments.
 */
const SECRET_ASSIGNMENT =
  /(?<![A-Za-z0-9])(?:secret|token|api[_-]?key|apikey|access[_-]?key|private[_-]?key|auth[_-]?key|credentials?|client[_-]?secret|bearer)[A-Za-z_-]{0,20}(?:["'][ \t]{0,5}[:=]|[ \t]{0,5}=|[ \t]{0,5}:(?=[ \t"']))[ \t]{0,5}["']?([A-Za-z0-9+/_.~-]{16,256}={0,2})/gi;
const BEARER = /\bbearer[ \t]{1,5}([A-Za-z0-9+/_.~-]{16,256}={0,2})/gi;
const URL_WITH_PASSWORD = /\b[a-z][a-z0-9+.-]{1,20}:\/\/[^\s/:@]{1,256}:([^\s/@]{1,256})@/gi;

const MIN_SECRET_ENTROPY = 3.0;

function looksRandom(value: string): boolean {
  const mixed = /[a-z]/.test(value) && /[A-Z]/.test(value);
  return shannonEntropy(value) >= MIN_SECRET_ENTROPY && (mixed || /[0-9]/.test(value));
}

/**
 * `assignment` marks the `key=value` rules that audit redaction masks in place itself (its
 * INLINE_ASSIGNMENT); a URL password or a bearer token has no such mask, so those rules stay on
 * for every caller (issue 15: `https://user:pass@host` and `Bearer <token>` reached audit records).
 */
function captureRule(
  looksLike: string,
  hints: readonly string[],
  pattern: RegExp,
  accepts: (value: string) => boolean,
  assignment = true,
): SecretRule {
  return {
    looksLike,
    hints,
    contextual: true,
    assignment,
    match(text: string): string | null {
      pattern.lastIndex = 0;
      for (let found = pattern.exec(text); found; found = pattern.exec(text)) {
        if (accepts(found[1] ?? '')) return looksLike;
      }
      return null;
    },
  };
}

export const KEYWORD_RULES: readonly SecretRule[] = [
  captureRule('a password in a URL', ['://'], URL_WITH_PASSWORD, (value) => !isPlaceholder(value), false),
  captureRule('a password assignment', ['pass', 'pwd'], PASSWORD_ASSIGNMENT, (value) => value.length >= 4 && !isPlaceholder(value)),
  captureRule(
    'a secret assignment',
    ['secret', 'token', 'key', 'credential', 'bearer'],
    SECRET_ASSIGNMENT,
    (value) => !isPlaceholder(value) && looksRandom(value),
  ),
  captureRule('a bearer token', ['bearer'], BEARER, (value) => !isPlaceholder(value) && looksRandom(value), false),
];
