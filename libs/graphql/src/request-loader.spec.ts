import { byKeys, groupByKeys, requestLoader } from './request-loader';
import type { SubgraphContext } from './subgraph-graphql.module';

function context(): SubgraphContext {
  return { req: {} as SubgraphContext['req'], loaders: new Map() };
}

describe('requestLoader', () => {
  it('turns the lookups of one tick into one batch call', async () => {
    const batches: string[][] = [];
    const ctx = context();
    const load = (id: string) =>
      requestLoader<string, string>(ctx, 'things', async (ids) => {
        batches.push([...ids]);
        return ids.map((i) => i.toUpperCase());
      }).load(id);

    await expect(Promise.all([load('a'), load('b'), load('a')])).resolves.toEqual(['A', 'B', 'A']);
    expect(batches).toEqual([['a', 'b']]);
  });

  it('keeps loaders of different requests apart', async () => {
    let calls = 0;
    const batch = async (ids: readonly string[]) => {
      calls += 1;
      return [...ids];
    };
    await requestLoader(context(), 'x', batch).load('k');
    await requestLoader(context(), 'x', batch).load('k');

    expect(calls).toBe(2);
  });
});

describe('byKeys', () => {
  it('orders rows by key and fills the gaps', () => {
    const rows = [
      { id: 'b', v: 2 },
      { id: 'a', v: 1 },
    ];

    expect(
      byKeys(
        ['a', 'x', 'b'],
        rows,
        (r) => r.id,
        () => null,
      ),
    ).toEqual([{ id: 'a', v: 1 }, null, { id: 'b', v: 2 }]);
  });
});

describe('groupByKeys', () => {
  it('groups rows under their keys in key order, keeping row order, with empty groups for missing keys', () => {
    const rows = [
      { id: 'b', v: 1 },
      { id: 'a', v: 2 },
      { id: 'b', v: 3 },
      { id: 'z', v: 4 },
    ];

    expect(groupByKeys(['a', 'x', 'b'], rows, (r) => r.id)).toEqual([
      [{ id: 'a', v: 2 }],
      [],
      [
        { id: 'b', v: 1 },
        { id: 'b', v: 3 },
      ],
    ]);
  });
});
