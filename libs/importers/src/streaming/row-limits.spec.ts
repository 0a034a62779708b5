import type { ImportRow } from '../import-row';
import { fitExternalId, fitRow, IMPORT_ROW_LIMITS } from './row-limits';

const base: ImportRow = { provider: 'aws', externalId: 'arn:aws:iam::123456789012:role/r', kind: 'aws iam role', name: 'r' };

describe('fitRow', () => {
  it('leaves a row within the limits as it is, without problems', () => {
    const row = { ...base, scopes: ['a'], tags: [{ key: 'Owner', value: 'team' }] };
    expect(fitRow(row, 'RoleDetailList[0]')).toEqual({ row, problems: [] });
  });

  it('cuts what is too long or too many, keeps the principal and says what it cut where', () => {
    const row: ImportRow = {
      ...base,
      externalId: `arn:aws:iam::123456789012:role/${'p/'.repeat(300)}r`,
      name: 'n'.repeat(400),
      scopes: [...Array.from({ length: 600 }, (_, i) => `scope ${i}`), 's'.repeat(700)],
      tags: Array.from({ length: 120 }, (_, i) => ({ key: `k${i}`, value: i === 0 ? 'v'.repeat(600) : null })),
    };
    const { row: fitted, problems } = fitRow(row, 'RoleDetailList[3]');
    expect(fitted.externalId).toHaveLength(IMPORT_ROW_LIMITS.externalId);
    expect(fitted.externalId).toBe(fitExternalId(row.externalId));
    expect(fitted.name).toHaveLength(300);
    expect(fitted.scopes).toHaveLength(500);
    expect(fitted.scopes?.at(-1)).toBe('… and 102 more');
    expect(fitted.scopes?.every((s) => s.length <= 500)).toBe(true);
    expect(fitted.tags).toHaveLength(100);
    expect(fitted.tags?.[0].value).toHaveLength(500);
    expect(problems.map((p) => p.location)).toEqual(Array(6).fill('RoleDetailList[3]'));
    expect(problems.map((p) => p.problem)).toEqual([
      'the external id is longer than 500 characters: shortened to its start and a hash of the whole',
      'the name is longer than 300 characters: cut',
      'a scope line is longer than 500 characters: cut',
      '601 scope lines, more than 500: kept the first 499 and a line saying how many more',
      '120 tags, more than 100: kept the first 100',
      'a tag key longer than 128 or a value longer than 500 characters: cut',
    ]);
  });

  it('shortens the same long id the same way, and two long ids differently', () => {
    const long = (tail: string) => `arn:aws:iam::1:user/${'x'.repeat(600)}${tail}`;
    expect(fitExternalId(long('a'))).toBe(fitExternalId(long('a')));
    expect(fitExternalId(long('a'))).not.toBe(fitExternalId(long('b')));
  });
});
