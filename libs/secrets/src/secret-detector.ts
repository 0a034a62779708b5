/**
 * Recognises values that look like credentials, so they are refused before they reach the
 * database, the logs or Kafka. Provider rules (prefix, structure, checksum) decide; entropy counts
 * only after a secret keyword. It names what it saw, never the value. See docs/adr/0016.
 */
import { identifierFormatOf, isIdentifierField } from './identifier-formats';
import { SECRET_RULES } from './rules';

/** Longer values are not scanned further: the cost stays bounded whatever a caller sends. */
export const MAX_SCANNED_CHARS = 64 * 1024;
export const TOO_LONG_TO_SCAN = `a value too long to scan (over ${MAX_SCANNED_CHARS / 1024} KiB)`;

export interface DetectOptions {
  /** The field the value came from ("externalId", "tags.note"): identifier fields accept documented ids. */
  field?: string;
  /**
   * false skips the keyword-assignment rules (`password=...`, `token: ...`), for a caller that
   * masks assignments inline itself (audit redaction). URL passwords and bearer tokens are always
   * checked: no inline mask covers them. Default true.
   */
  assignments?: boolean;
}

/**
 * What kind of secret the value looks like, or null. A value past MAX_SCANNED_CHARS with nothing
 * found in its head is refused as too long to scan (fail closed): no identity field is that long.
 */
export function detectSecret(value: string, options: DetectOptions = {}): string | null {
  const text = value.length > MAX_SCANNED_CHARS ? value.slice(0, MAX_SCANNED_CHARS) : value;
  const lower = text.toLowerCase();
  const trusted = isIdentifierField(options.field) && identifierFormatOf(text.trim()) !== null;
  for (const rule of SECRET_RULES) {
    if ((trusted && rule.contextual) || (options.assignments === false && rule.assignment)) continue;
    if (!rule.hints.some((hint) => lower.includes(hint))) continue;
    const looksLike = rule.match(text);
    if (looksLike) return looksLike;
  }
  return value.length > MAX_SCANNED_CHARS ? TOO_LONG_TO_SCAN : null;
}

export interface ScannedField {
  /** Where the value is, e.g. "name" or "tags.owner". */
  field: string;
  value: string | null | undefined;
}

/** The first field that carries something secret-looking, with what it looked like; each field's name is its context. */
export function findSecretField(fields: ScannedField[]): { field: string; looksLike: string } | null {
  for (const { field, value } of fields) {
    if (!value) continue;
    const looksLike = detectSecret(value, { field });
    if (looksLike) return { field, looksLike };
  }
  return null;
}
