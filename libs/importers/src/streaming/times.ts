/** ISO 8601 date-time as exports write it: `2014-07-30T17:09:20Z`, `2019-08-16T17:27:59+00:00`, `2019-08-16 17:27:59+00:00`. */
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[Tt ](\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?)?([Zz]|[+-]\d{2}:?\d{2})?$/;

/**
 * An export's time as an ISO 8601 UTC string (`2014-07-30T17:09:20.000Z`), or
 * null when the text is not a real moment (30 February, hour 25, free text). A
 * time without a zone is read as UTC, as AWS writes its times.
 */
export function isoTime(text: unknown): string | null {
  if (typeof text !== 'string') return null;
  const match = ISO.exec(text.trim());
  if (!match) return null;
  const [, y, mo, d, h = '00', mi = '00', s = '00', fraction = '', zone = 'Z'] = match;
  const [year, month, day, hour, minute, second] = [y, mo, d, h, mi, s].map(Number);
  if (hour > 23 || minute > 59 || second > 59) return null;
  const utc = new Date(Date.UTC(year, month - 1, day, hour, minute, second));
  utc.setUTCFullYear(year);
  if (utc.getUTCMonth() !== month - 1 || utc.getUTCDate() !== day) return null;
  const offset =
    zone === 'Z' || zone === 'z' ? 0 : (zone.startsWith('-') ? -1 : 1) * (Number(zone.slice(1, 3)) * 60 + Number(zone.slice(-2)));
  if (Math.abs(offset) > 18 * 60) return null;
  const millis = fraction ? Math.floor(Number(`0${fraction}`) * 1000) : 0;
  return new Date(utc.getTime() + millis - offset * 60_000).toISOString();
}
