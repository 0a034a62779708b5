import { decodeSearchCursor, encodeSearchCursor } from './search-cursor';

const byExpiry = { field: 'EXPIRES_AT', descending: false } as const;
const byName = { field: 'NAME', descending: false } as const;

describe('search cursors', () => {
  it('round-trips the key, name and id, an identity that never expires included', () => {
    const row = { key: Infinity, name: 'payments-reader', identityId: '00000000-0000-4000-8000-000000000001' };
    expect(decodeSearchCursor(encodeSearchCursor(byExpiry, row), byExpiry)).toEqual({ key: Infinity, name: row.name, id: row.identityId });
    const dated = { ...row, key: 1_790_000_000_000 };
    expect(decodeSearchCursor(encodeSearchCursor(byExpiry, dated), byExpiry).key).toBe(dated.key);
  });

  it('refuses a cursor issued for another order, without quoting it', () => {
    const cursor = encodeSearchCursor(byExpiry, { key: 1, name: 'secret-name', identityId: 'x' });
    expect(() => decodeSearchCursor(cursor, byName)).toThrow(/another orderBy/);
    expect(() => decodeSearchCursor(cursor, { ...byExpiry, descending: true })).toThrow(/another orderBy/);
    expect(() => decodeSearchCursor(cursor, byName)).not.toThrow(/secret-name/);
  });

  it('accepts the name-order cursors issued before orderBy, and refuses what it did not issue', () => {
    const legacy = Buffer.from(JSON.stringify(['alpha', 'id-1'])).toString('base64url');
    expect(decodeSearchCursor(legacy, byName)).toEqual({ key: 0, name: 'alpha', id: 'id-1' });
    expect(() => decodeSearchCursor(legacy, byExpiry)).toThrow(/another orderBy/);
    expect(() => decodeSearchCursor('not a cursor', byName)).toThrow(/not a cursor this API issued/);
    expect(() => decodeSearchCursor(Buffer.from('{"o":"NAME ASC","k":"x","n":"a","i":"b"}').toString('base64url'), byName)).toThrow(
      /not a cursor/,
    );
  });
});
