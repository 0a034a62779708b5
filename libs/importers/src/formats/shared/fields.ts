/**
 * Readers for values from an export: each takes `unknown` and returns the value
 * only when it has the expected shape, so a converter never trusts a field's type.
 */

export type JsonObject = Record<string, unknown>;

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The object, or an empty one when the value is not an object. */
export function objectOf(value: unknown): JsonObject {
  return isObject(value) ? value : {};
}

/** A non-blank string, trimmed; undefined otherwise. */
export function textOf(value: unknown): string | undefined {
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A string or a whole number as text (ids some exports write either way); undefined otherwise. */
export function idOf(value: unknown): string | undefined {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return String(value);
  return textOf(value);
}

export function listOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/** The non-blank strings of a list. */
export function textsOf(value: unknown): string[] {
  return listOf(value).flatMap((item) => textOf(item) ?? []);
}

/**
 * A time as an ISO 8601 UTC string, or undefined when the value is not a date
 * with a time zone (an RFC 3339 timestamp with Z or an offset).
 */
export function timeOf(value: unknown): string | undefined {
  const text = textOf(value);
  if (!text || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/i.test(text)) return undefined;
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? undefined : time.toISOString();
}

/** Like timeOf, but undefined also for far-future placeholders (year 2200 and later: `9999-12-31T23:59:59Z`). */
export function expiryOf(value: unknown): string | undefined {
  const time = timeOf(value);
  return time && Number(time.slice(0, 4)) < 2200 ? time : undefined;
}

/** The last path segment of a resource name (`projects/p/serviceAccounts/a@b/keys/123` -> `123`). */
export function lastSegment(name: string): string {
  return name.slice(name.lastIndexOf('/') + 1);
}

export function unique<T>(values: Iterable<T>): T[] {
  return [...new Set(values)];
}
