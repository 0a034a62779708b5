import { aliasCount, checkAliases } from './alias-count';
import { operation } from './test-schema';

describe('alias count', () => {
  it('counts aliases at every level and at every fragment spread', () => {
    const { operation: op, fragments } = operation(`
      { a: identity(id: "1") { ...F } b: identity(id: "2") { ...F } summary { total } }
      fragment F on Identity { n: name i: id }
    `);

    expect(aliasCount(op, fragments)).toBe(6);
  });

  it('refuses more than the limit with TOO_MANY_ALIASES', () => {
    const { operation: op, fragments } = operation('{ a: summary { total } b: summary { total } c: summary { total } }');

    expect(checkAliases(op, fragments, 3)).toBeUndefined();
    const error = checkAliases(op, fragments, 2);
    expect(error?.message).toBe('Too many aliases: the operation has 3; the limit is 2 (MAX_ALIASES)');
    expect(error?.extensions).toMatchObject({ code: 'TOO_MANY_ALIASES', limit: 2, actual: 3 });
  });
});
