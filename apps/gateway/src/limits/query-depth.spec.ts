import { checkDepth, queryDepth } from './query-depth';
import { operation } from './test-schema';

describe('query depth', () => {
  it('counts nested fields, through fragments and inline fragments', () => {
    const { operation: op, fragments } = operation(`
      query { identity(id: "1") { ...Owned } }
      fragment Owned on Identity { owner { ... on Owner { parent { parent { name } } } } }
    `);

    expect(queryDepth(op, fragments)).toBe(5);
  });

  it('does not count introspection, which never reaches a subgraph', () => {
    const { operation: op, fragments } = operation('{ __schema { types { fields { type { ofType { ofType { name } } } } } } }');

    expect(queryDepth(op, fragments)).toBe(0);
  });

  it('measures a document that spreads fragments exponentially in linear time', () => {
    const levels = 40;
    const fragments = Array.from({ length: levels }, (_, i) =>
      i === levels - 1 ? `fragment F${i} on Owner { name }` : `fragment F${i} on Owner { parent { ...F${i + 1} } ...F${i + 1} }`,
    ).join('\n');
    const { operation: op, fragments: defs } = operation(`{ identity(id: "1") { owner { ...F0 } } }\n${fragments}`);

    expect(queryDepth(op, defs)).toBe(2 + levels);
  });

  it('refuses deeper than the limit with QUERY_TOO_DEEP, the limit and the depth', () => {
    const { operation: op, fragments } = operation('{ identity(id: "1") { owner { parent { name } } } }');

    expect(checkDepth(op, fragments, 4)).toBeUndefined();
    const error = checkDepth(op, fragments, 3);
    expect(error?.message).toBe('Query too deep: its depth is 4; the limit is 3 (MAX_QUERY_DEPTH)');
    expect(error?.extensions).toMatchObject({
      code: 'QUERY_TOO_DEEP',
      limit: 3,
      actual: 4,
      setting: 'MAX_QUERY_DEPTH',
      http: { status: 400 },
    });
  });
});
