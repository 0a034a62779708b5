import { cleanText, optionalText } from '../../normalisation/text';
import { DateField, readDate } from './strict-date';
import { reject } from './row-error';
import { ROW_LIMITS } from './row-limits';
import { badCharacters } from './text-checks';

function checkedString(value: unknown, field: string): string {
  if (typeof value !== 'string') reject(field, `${field} must be a string`);
  const bad = badCharacters(value, field);
  if (bad) reject(field, bad);
  return value;
}

export function requiredText(value: unknown, field: string, max: number): string {
  if (value === null || value === undefined) reject(field, `${field} is required`);
  const text = cleanText(checkedString(value, field));
  if (text.length === 0) reject(field, `${field} is required`);
  if (text.length > max) reject(field, `${field} is longer than ${max} characters`);
  return text;
}

export function optionalString(value: unknown, field: string, max: number): string | null {
  if (value === null || value === undefined) return null;
  const text = optionalText(checkedString(value, field));
  if (text && text.length > max) reject(field, `${field} is longer than ${max} characters`);
  return text;
}

export function optionalBoolean(value: unknown, field: string): boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'boolean') reject(field, `${field} must be true or false`);
  return value;
}

export function stringList(value: unknown, field: string): string[] | null {
  return boundedList(value, field, ROW_LIMITS.scopes);
}

/** A list of short strings, cleaned, without repeats, sorted; null when the row does not say. */
export function boundedList(value: unknown, field: string, max: number): string[] | null {
  if (value === null || value === undefined) return null;
  if (!Array.isArray(value)) reject(field, `${field} must be a list of strings`);
  if (value.length > max) reject(field, `${field} has more than ${max} entries`);
  const items = value.map((item: unknown, i) => {
    if (typeof item !== 'string') reject(field, `${field} must be a list of strings`);
    const text = cleanText(checkedString(item, `${field}[${i}]`));
    if (text.length > ROW_LIMITS.scope) reject(field, `${field}[${i}] is longer than ${ROW_LIMITS.scope} characters`);
    return text;
  });
  return [...new Set(items.filter(Boolean))].sort();
}

export function optionalDate(value: unknown, field: DateField, now: Date, label: string = field): Date | null {
  const result = readDate(value, field, now, label);
  if (!result.ok) reject(label, result.reason);
  return result.date;
}

function tagEntries(value: unknown): Array<[unknown, unknown]> {
  if (Array.isArray(value)) {
    return value.map((tag: unknown) => {
      if (tag === null || typeof tag !== 'object') reject('tags', 'tags must be a list of { key, value }');
      const { key, value: tagValue } = tag as { key?: unknown; value?: unknown };
      return [key, tagValue];
    });
  }
  if (value !== null && typeof value === 'object') return Object.entries(value as Record<string, unknown>);
  reject('tags', 'tags must be a list of { key, value }');
}

export function tagMap(value: unknown): Record<string, string> {
  if (value === null || value === undefined) return {};
  const entries = tagEntries(value);
  if (entries.length > ROW_LIMITS.tags) reject('tags', `tags has more than ${ROW_LIMITS.tags} entries`);
  const tags: Record<string, string> = {};
  entries.forEach(([key, tagValue], i) => {
    const field = `tags[${i}]`;
    if (typeof key !== 'string' || !cleanText(key)) reject('tags', `${field} needs a key`);
    const cleanKey = cleanText(checkedString(key, `${field}.key`));
    if (cleanKey.length > ROW_LIMITS.tagKey) reject('tags', `${field}.key is longer than ${ROW_LIMITS.tagKey} characters`);
    if (tagValue !== null && tagValue !== undefined && typeof tagValue !== 'string') reject('tags', `${field}.value must be a string`);
    const cleanValue = cleanText(tagValue === null || tagValue === undefined ? '' : checkedString(tagValue, `${field}.value`));
    if (cleanValue.length > ROW_LIMITS.tagValue) reject('tags', `${field}.value is longer than ${ROW_LIMITS.tagValue} characters`);
    tags[cleanKey.toLowerCase()] = cleanValue;
  });
  return tags;
}
