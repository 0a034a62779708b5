import { checkPageSizes } from './page-size';
import { operation } from './test-schema';

describe('page size', () => {
  it('accepts pages up to the limit', () => {
    const { operation: op, fragments } = operation('{ identities(first: 500) { totalCount } }');

    expect(checkPageSizes(op, fragments, {}, 500)).toBeUndefined();
  });

  it('refuses a literal page above the limit with PAGE_TOO_LARGE, naming the field and argument', () => {
    const { operation: op, fragments } = operation('{ identity(id: "1") { lifecycle { rotations(first: 501) { id } } } }');

    const error = checkPageSizes(op, fragments, {}, 500);
    expect(error?.message).toBe('Page too large: rotations(first) asks for 501 items; the limit is 500 (MAX_PAGE_SIZE)');
    expect(error?.extensions).toMatchObject({ code: 'PAGE_TOO_LARGE', limit: 500, actual: 501, field: 'rotations', argument: 'first' });
  });

  it('reads variables, their defaults, and fields inside fragments', () => {
    const { operation: op, fragments } = operation(`
      query ($n: Int, $m: Int = 900) { ...Page orphans(last: $m) { totalCount } }
      fragment Page on Query { identities(first: $n) { totalCount } }
    `);

    expect(checkPageSizes(op, fragments, { n: 10_000, m: 1 }, 500)?.extensions).toMatchObject({ actual: 10_000, argument: 'first' });
    expect(checkPageSizes(op, fragments, { n: 5 }, 500)?.extensions).toMatchObject({ actual: 900, argument: 'last' });
    expect(checkPageSizes(op, fragments, { n: 5, m: 5 }, 500)).toBeUndefined();
  });
});
