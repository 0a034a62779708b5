import { listSizesOf } from './list-sizes';
import { checkCost, queryCost } from './query-cost';
import { operation, testSchema } from './test-schema';

const options = { defaultPageSize: 50, listSize: 10 };
const cost = (source: string, variables: Record<string, unknown> = {}) => {
  const { operation: op, fragments } = operation(source);
  return queryCost(testSchema, op, fragments, variables, options);
};

describe('query cost', () => {
  it('costs 1 per field', () => {
    expect(cost('{ summary { total } identity(id: "1") { id name owner { name } } }')).toBe(2 + 5);
  });

  it("multiplies a connection's edges by its page size, and nothing else under it", () => {
    // identities 1 + totalCount 1 + edges (1 + 500 * (node 1 + id 1)) + pageInfo (1 + 1)
    expect(cost('{ identities(first: 500) { totalCount edges { node { id } } pageInfo { hasNextPage } } }')).toBe(1 + 1 + 1 + 500 * 2 + 2);
    expect(cost('query ($n: Int) { identities(first: $n) { edges { node { id } } } }', { n: 20 })).toBe(1 + 1 + 20 * 2);
  });

  it("uses the argument's default, else the default page size, else the list size", () => {
    expect(cost('{ identities { edges { cursor } } }')).toBe(1 + 1 + 50);
    expect(cost('{ orphans { edges { cursor } } }')).toBe(1 + 1 + 50);
    expect(cost('{ identity(id: "1") { lifecycle { rotations { id } } } }')).toBe(1 + 1 + 1 + 10);
    expect(cost('{ policies { name maxAgeDays } }')).toBe(1 + 10 * 2);
  });

  it('multiplies nested lists and counts through fragments; scalar lists and introspection cost 1 and 0', () => {
    expect(cost('{ identities(first: 10) { edges { node { ...T } } } } fragment T on Identity { scopes tags { key } __typename }')).toBe(
      1 + 1 + 10 * (1 + 1 + (1 + 10 * 1)),
    );
  });

  it("counts a list by its @listSize: the assumed size, or the subgraph's own slicing argument", () => {
    const listSizes = listSizesOf(`
      type Policy { name: String }
      type Query { policies: [Policy] @listSize(assumedSize: 3) rules(take: Int): [Policy] @cost__listSize(slicingArguments: ["take"], assumedSize: 1000) }
    `);
    const sized = (source: string) => {
      const { operation: op, fragments } = operation(source);
      return queryCost(testSchema, op, fragments, {}, { ...options, listSizes });
    };
    expect(sized('{ policies { name maxAgeDays } }')).toBe(1 + 3 * 2);
    expect(listSizes.get('Query.rules')).toEqual({ slicingArguments: ['take'], assumedSize: 1000 });
  });

  it('refuses a cost above the limit with QUERY_TOO_COMPLEX', () => {
    const { operation: op, fragments } = operation('{ identities(first: 500) { edges { node { id name } } } }');

    expect(checkCost(testSchema, op, fragments, {}, 2000, options)).toBeUndefined();
    const error = checkCost(testSchema, op, fragments, {}, 1000, options);
    expect(error?.message).toMatch(/^Query too complex: its estimated cost is 1502; the limit is 1000 \(MAX_QUERY_COST\)/);
    expect(error?.extensions).toMatchObject({ code: 'QUERY_TOO_COMPLEX', limit: 1000, actual: 1502, http: { status: 400 } });
  });
});
