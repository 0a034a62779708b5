import { fromEpoch, parseIsoDate, readDate } from './strict-date';

const now = new Date('2026-06-01T12:00:00Z');

describe('parseIsoDate', () => {
  it.each([
    ['2019-02-28T10:00:00Z', '2019-02-28T10:00:00.000Z'],
    ['2020-02-29', '2020-02-29T00:00:00.000Z'],
    ['2019-12-18T10:00:00+02:00', '2019-12-18T08:00:00.000Z'],
    ['2019-12-18T10:00:00.123456Z', '2019-12-18T10:00:00.123Z'],
    ['2019-12-18 10:00Z', '2019-12-18T10:00:00.000Z'],
  ])('reads %s', (text, iso) => {
    expect(parseIsoDate(text)?.toISOString()).toBe(iso);
  });

  it.each([
    '2019-02-30',
    '2019-02-29',
    '2019-13-01',
    '2019-12-18T24:00:00Z',
    '12/18/2019',
    '+275760-09-13T00:00:00Z',
    '2019-12-18T10:00:00',
    'last tuesday',
  ])('refuses %s', (text) => {
    expect(parseIsoDate(text)).toBeNull();
  });
});

describe('fromEpoch', () => {
  it('reads small numbers as seconds and large ones as milliseconds', () => {
    expect(fromEpoch(1576696208).toISOString()).toBe('2019-12-18T19:10:08.000Z');
    expect(fromEpoch(1576696208000).toISOString()).toBe('2019-12-18T19:10:08.000Z');
  });
});

describe('readDate', () => {
  it('accepts a date in range and epoch numbers for the dated fields', () => {
    expect(readDate('2025-01-01T00:00:00Z', 'createdAt', now)).toEqual({ ok: true, date: new Date('2025-01-01T00:00:00Z') });
    expect(readDate(1576696208, 'createdAt', now)).toEqual({ ok: true, date: new Date('2019-12-18T19:10:08Z') });
    expect(readDate(null, 'expiresAt', now)).toEqual({ ok: true, date: null });
  });

  it.each([
    ['2019-02-30', 'createdAt', /^createdAt is not a valid date-time/],
    ['12/18/2019', 'createdAt', /^createdAt is not a valid date-time/],
    ['0001-01-01T00:00:00Z', 'createdAt', /^createdAt is before 1990/],
    ['1969-12-31T00:00:00Z', 'expiresAt', /^expiresAt is before 1970/],
    ['2099-01-01T00:00:00Z', 'lastUsedAt', /^lastUsedAt is in the future/],
    ['2026-06-01T12:10:00Z', 'lastUsedAt', /^lastUsedAt is in the future/],
    ['2201-01-01T00:00:00Z', 'expiresAt', /^expiresAt is after 2200/],
    ['+275760-09-13T00:00:00Z', 'expiresAt', /^expiresAt is not a valid date-time/],
    [1.5, 'createdAt', /whole Unix epoch/],
    [true, 'createdAt', /must be an RFC 3339/],
  ] as const)('rejects %p for %s, naming the field and never the value', (value, field, reason) => {
    const result = readDate(value, field, now);

    expect(result.ok).toBe(false);
    expect(!result.ok && result.reason).toMatch(reason);
    expect(!result.ok && result.reason).not.toContain(String(value));
  });

  it('tolerates five minutes of clock skew', () => {
    expect(readDate('2026-06-01T12:04:00Z', 'lastUsedAt', now).ok).toBe(true);
  });
});
