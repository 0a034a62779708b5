import { detectSecret } from '@nhi/secrets';

/**
 * What an audit record keeps of an operation's input: the structure and the
 * ordinary values, never anything that looks like secret material, and never
 * so much that a bulk request turns one record into megabytes.
 */
export const REDACTED = '[REDACTED]';

/** Limits that keep a record small: a few dozen list items, a page of text per value, a bounded depth. */
export const REDACTION_LIMITS = { maxDepth: 8, maxItems: 25, maxStringLength: 2000, maxKeys: 100 } as const;

/**
 * Key names that hold secrets whatever their value looks like, compared
 * without case and separators (`api_key`, `apiKey`, `API-KEY` are one key).
 */
const SECRET_KEY_WORDS = [
  'password',
  'passwd',
  'passphrase',
  'secret',
  'token',
  'apikey',
  'privatekey',
  'credential',
  'accesskey',
  'authorization',
  'cookie',
  'sessionid',
  'signingkey',
];

/** Names that contain a word above but hold no secret: a fingerprint is a hash of the credential by design. */
const HARMLESS_KEY_WORDS = ['fingerprint'];

function normaliseKey(key: string): string {
  return key.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** True when a value under this key must never be recorded (password, clientSecret, api_key, x-auth-token ...). */
export function isSecretKey(key: string): boolean {
  const normal = normaliseKey(key);
  if (HARMLESS_KEY_WORDS.some((word) => normal.includes(word))) return false;
  return SECRET_KEY_WORDS.some((word) => normal.includes(word));
}

/**
 * `password=hunter2`, `api_key: abc`, `"token":"..."`, PostgreSQL's `(password)=(...)` inside free text:
 * the key is kept, the value (with its quotes) replaced.
 */
const INLINE_ASSIGNMENT =
  /((?:password|passwd|passphrase|secret|token|api[_-]?key|private[_-]?key|credentials?|access[_-]?key)["')]?[ \t]*[:=][ \t]*)("[^"]*"|'[^']*'|\([^)]*\)|[^\s,;&"')]+)/gi;

/** A string as an audit record may keep it: replaced whole when it looks like a secret, inline secrets masked, long text cut. */
export function redactText(value: string): string {
  // Assignments (password=...) are masked in place below, so the rest of the text stays readable.
  const looksLike = detectSecret(value, { assignments: false });
  if (looksLike) return `${REDACTED} (looked like ${looksLike})`;
  // PostgreSQL cannot store a NUL character in text or jsonb: a record quoting one could never be written.
  const masked = value.replace(INLINE_ASSIGNMENT, `$1${REDACTED}`).replaceAll('\u0000', '\uFFFD');
  if (masked.length <= REDACTION_LIMITS.maxStringLength) return masked;
  return `${masked.slice(0, REDACTION_LIMITS.maxStringLength)}… [${masked.length - REDACTION_LIMITS.maxStringLength} more characters]`;
}

function isKeyValuePair(value: Record<string, unknown>): value is { key: string; value: unknown } {
  return typeof value['key'] === 'string' && 'value' in value;
}

function redactAny(value: unknown, depth: number): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string') return redactText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'function' || typeof value === 'symbol') return undefined;
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  if (Buffer.isBuffer(value) || ArrayBuffer.isView(value)) return '[binary]';
  if (depth >= REDACTION_LIMITS.maxDepth) return '[nested too deep]';
  if (Array.isArray(value)) {
    const kept = value.slice(0, REDACTION_LIMITS.maxItems).map((item) => redactAny(item, depth + 1) ?? null);
    if (value.length > REDACTION_LIMITS.maxItems) kept.push(`[${value.length - REDACTION_LIMITS.maxItems} more items]`);
    return kept;
  }
  return redactObject(value as Record<string, unknown>, depth);
}

function redactObject(value: Record<string, unknown>, depth: number): Record<string, unknown> {
  const entries = Object.entries(value);
  const out: Record<string, unknown> = {};
  // A tag or header written as { key: 'password', value: '...' } is a secret key all the same.
  const secretPair = isKeyValuePair(value) && isSecretKey(value.key);
  for (const [key, item] of entries.slice(0, REDACTION_LIMITS.maxKeys)) {
    if ((isSecretKey(key) || (secretPair && key === 'value')) && item !== null && item !== undefined && item !== '') {
      out[key] = REDACTED;
      continue;
    }
    const redacted = redactAny(item, depth + 1);
    if (redacted !== undefined) out[key] = redacted;
  }
  if (entries.length > REDACTION_LIMITS.maxKeys) out['…'] = `${entries.length - REDACTION_LIMITS.maxKeys} more keys`;
  return out;
}

/**
 * A JSON-safe copy of an operation's input for the audit record: values under
 * secret-sounding keys are replaced, strings that look like credentials
 * (PEM keys, JWTs, cloud and SaaS tokens, long high-entropy runs: @nhi/secrets)
 * are replaced whole, `password=...` inside text is masked, and lists, texts
 * and nesting are bounded. The input itself is never changed.
 */
export function redact(input: unknown): Record<string, unknown> {
  const redacted = redactAny(input, 0);
  if (redacted !== null && typeof redacted === 'object' && !Array.isArray(redacted)) return redacted as Record<string, unknown>;
  return { value: redacted ?? null };
}
