/**
 * Free text that people and systems type (a reason, a note, a team name, an integrator's error
 * message) is checked like an identity row: a value that looks like a secret is refused or withheld
 * before anything stores, logs or publishes it, and the answer names the field, never the value.
 * One place for every service, so that a new mutation or event field is covered by default.
 */
import { detectSecret } from './secret-detector';

export interface SecretField {
  /** Where the value is: an argument path such as "input.entries[0].email" or "reason". */
  field: string;
  /** What it looked like, e.g. "a GitHub token": never the value. */
  looksLike: string;
}

/** Nested arguments are walked at most this deep: GraphQL inputs are shallow; a cycle stops here. */
const MAX_DEPTH = 12;

const join = (path: string, key: string): string => (path ? `${path}.${key}` : key);

/**
 * The first string inside `value` (objects and lists walked) that looks like a secret, with its
 * path. Each string is checked with its own field name as context, so that an identifier a
 * provider documents (an ARN in `externalRef`, an AKIA key id) is not taken for a secret.
 */
export function findSecretInValue(value: unknown, path = '', depth = 0): SecretField | null {
  if (typeof value === 'string') {
    const looksLike = value ? detectSecret(value, { field: path }) : null;
    return looksLike ? { field: path || 'value', looksLike } : null;
  }
  if (value === null || typeof value !== 'object' || depth >= MAX_DEPTH || value instanceof Date) return null;
  const entries: Array<[string, unknown]> = Array.isArray(value)
    ? value.map((item, index) => [`${path}[${index}]`, item])
    : Object.entries(value).map(([key, item]) => [join(path, key), item]);
  for (const [itemPath, item] of entries) {
    const found = findSecretInValue(item, itemPath, depth + 1);
    if (found) return found;
  }
  return null;
}

/** The sentence a caller gets back: it names the field and what the value looked like, and never quotes it. */
export function secretFieldMessage({ field, looksLike }: SecretField): string {
  return `${field} looks like it contains secret material (${looksLike}); the platform never stores, logs or publishes secrets: describe it in words instead`;
}

/**
 * Free text from another system (an integrator's error message), which cannot be refused back to
 * a caller: kept when harmless, otherwise replaced by a note that names the field and what it looked like.
 */
export function withholdSecretText(value: string, field: string): string {
  const looksLike = detectSecret(value, { field });
  return looksLike ? `[withheld: ${field} looked like ${looksLike}]` : value;
}
