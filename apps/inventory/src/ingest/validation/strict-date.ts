/**
 * Strict reading of the dates a source reports. `new Date(text)` accepts far
 * too much (2019-02-30 rolls over to March, 12/18/2019 is read in local time,
 * +275760-09-13 is a valid Date the event schemas refuse), so a date is either
 * ISO 8601 / RFC 3339 with a real calendar day, or, where a field allows it, a
 * Unix epoch number; anything else is a per-row rejection.
 */

export type DateField = 'createdAt' | 'lastUsedAt' | 'expiresAt';

export interface DateRule {
  /** Earliest year accepted (inclusive). */
  minYear: number;
  /** Latest year accepted (inclusive); ignored when notInFuture holds. */
  maxYear: number;
  /** Moments of use and creation cannot lie ahead of us beyond the clock skew. */
  notInFuture: boolean;
  /** NDJSON exports (CloudTrail, IAM credential reports) often carry epoch numbers. */
  epochAllowed: boolean;
}

/** Clock skew tolerated between a source and this service for "not in the future" checks. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Documented in README ("Feeding the inventory"): keep the two in step. */
export const DATE_RULES: Record<DateField, DateRule> = {
  // Nothing in today's estates predates 1990; earlier years are a default value or a typo (0001-01-01).
  createdAt: { minYear: 1990, maxYear: 2200, notInFuture: true, epochAllowed: true },
  lastUsedAt: { minYear: 1990, maxYear: 2200, notInFuture: true, epochAllowed: true },
  // 1970 keeps "expired at epoch 0" style markers; past 2200 is a "never expires" sentinel, which is no expiry at all.
  expiresAt: { minYear: 1970, maxYear: 2200, notInFuture: false, epochAllowed: true },
};

/** Epoch numbers below this are seconds, above it milliseconds: 1e11 s is the year 5138, 1e11 ms is 1973-03-03. */
export const EPOCH_SECONDS_BELOW = 1e11;

const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?([Zz]|[+-]\d{2}:?\d{2}))?$/;

export type DateResult = { ok: true; date: Date | null } | { ok: false; reason: string };

const fail = (reason: string): DateResult => ({ ok: false, reason });

function offsetMinutes(zone: string): number {
  if (zone === 'Z' || zone === 'z') return 0;
  const sign = zone.startsWith('-') ? -1 : 1;
  const digits = zone.slice(1).replace(':', '');
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

/** Parses ISO 8601 text, checking the calendar (no 30 February, no hour 25); null when it is not a real moment. */
export function parseIsoDate(text: string): Date | null {
  const match = ISO.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone = 'Z'] = match;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  const hour = Number(h);
  const minute = Number(mi);
  const second = Number(s);
  if (hour > 23 || minute > 59 || second > 59 || Math.abs(offsetMinutes(zone)) > 18 * 60) return null;
  const utc = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  // Date.UTC treats years 0..99 as 1900..1999; set the full year to read them literally.
  utc.setUTCFullYear(year);
  if (utc.getUTCFullYear() !== year || utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return null;
  const millis = fraction ? Math.floor(Number(`0${fraction}`) * 1000) : 0;
  return new Date(utc.getTime() + millis - offsetMinutes(zone) * 60_000);
}

/** Epoch seconds or milliseconds by magnitude (see EPOCH_SECONDS_BELOW). */
export function fromEpoch(value: number): Date {
  return new Date(Math.abs(value) < EPOCH_SECONDS_BELOW ? value * 1000 : value);
}

function inRange(date: Date, field: string, rule: DateRule, now: Date): DateResult {
  const year = date.getUTCFullYear();
  if (year < rule.minYear) return fail(`${field} is before ${rule.minYear}; expected a date from ${rule.minYear} on`);
  if (rule.notInFuture && date.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    return fail(`${field} is in the future; expected a moment that has passed (5 minutes of clock skew allowed)`);
  }
  if (year > rule.maxYear) return fail(`${field} is after ${rule.maxYear}; expected a date up to ${rule.maxYear} (omit it for no expiry)`);
  return { ok: true, date };
}

/**
 * Reads one date field of a row; a reason names the field (or `label`, for a
 * date inside a list such as `credentials[0].lastUsedAt`) and what was
 * expected, never the value.
 */
export function readDate(value: unknown, ruleName: DateField, now: Date, label: string = ruleName): DateResult {
  if (value === null || value === undefined || value === '') return { ok: true, date: null };
  const rule = DATE_RULES[ruleName];
  const field = label;
  if (typeof value === 'number') {
    if (!rule.epochAllowed) return fail(`${field} must be an RFC 3339 date-time string`);
    if (!Number.isInteger(value)) return fail(`${field} as a number must be whole Unix epoch seconds or milliseconds`);
    return inRange(fromEpoch(value), field, rule, now);
  }
  if (value instanceof Date && !Number.isNaN(value.getTime())) return inRange(value, field, rule, now);
  if (typeof value !== 'string') return fail(`${field} must be an RFC 3339 date-time string`);
  const date = parseIsoDate(value);
  if (!date) {
    return fail(`${field} is not a valid date-time (use RFC 3339, e.g. 2026-01-31T12:00:00Z); expected ISO 8601 with a real calendar day`);
  }
  return inRange(date, field, rule, now);
}
