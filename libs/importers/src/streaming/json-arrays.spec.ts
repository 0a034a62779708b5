import { Readable } from 'node:stream';
import { streamJsonArrays, type JsonArraysEvent, type JsonArraysOptions } from './json-arrays';

async function events(pieces: Array<string | Buffer>, options: JsonArraysOptions): Promise<JsonArraysEvent[]> {
  const found: JsonArraysEvent[] = [];
  for await (const event of streamJsonArrays(Readable.from(pieces), options)) found.push(event);
  return found;
}

const elements = (found: JsonArraysEvent[]) =>
  found.flatMap((e) => (e.kind === 'element' ? [{ page: e.page, array: e.array, index: e.index, value: e.value }] : []));
const problems = (found: JsonArraysEvent[]) =>
  found.flatMap((e) => (e.kind === 'problem' ? [{ page: e.page, where: e.where, problem: e.problem, fatal: e.fatal }] : []));

describe('streamJsonArrays', () => {
  it('yields the elements of the named top-level arrays, in order, with their index, and builds nothing else', async () => {
    const text = JSON.stringify({
      Skipped: [{ RoleDetailList: [{ nested: true }] }, 1],
      RoleDetailList: [{ RoleName: 'a', Tags: [{ Key: 'k', Value: 'v' }] }, { RoleName: 'b' }],
      Other: { RoleDetailList: ['not top level'] },
      UserDetailList: [{ UserName: 'u', n: 1.5, ok: true, none: null }],
    });
    const found = await events([text], { arrays: ['RoleDetailList', 'UserDetailList'] });
    expect(elements(found)).toEqual([
      { page: 0, array: 'RoleDetailList', index: 0, value: { RoleName: 'a', Tags: [{ Key: 'k', Value: 'v' }] } },
      { page: 0, array: 'RoleDetailList', index: 1, value: { RoleName: 'b' } },
      { page: 0, array: 'UserDetailList', index: 0, value: { UserName: 'u', n: 1.5, ok: true, none: null } },
    ]);
    expect(found.filter((e) => e.kind === 'array').map((e) => (e.kind === 'array' ? e.array : ''))).toEqual([
      'RoleDetailList',
      'UserDetailList',
    ]);
    expect(problems(found)).toEqual([]);
  });

  it('reads any split of the text the same, multi-byte characters and a byte-order mark included', async () => {
    const text = `\uFEFF${JSON.stringify({ L: [{ name: 'Zoë 🚀' }, 'plain', 3] })}`;
    const bytes = Buffer.from(text, 'utf8');
    const oneByteAtATime = [...bytes].map((b) => Buffer.from([b]));
    expect(elements(await events(oneByteAtATime, { arrays: ['L'] }))).toEqual(elements(await events([text], { arrays: ['L'] })));
    expect(elements(await events(oneByteAtATime, { arrays: ['L'] })).map((e) => e.value)).toEqual([{ name: 'Zoë 🚀' }, 'plain', 3]);
  });

  it('reads concatenated documents as pages and yields the named top-level scalars', async () => {
    const text = `${JSON.stringify({ L: [1], IsTruncated: true, Marker: 'm' })}\n${JSON.stringify({ L: [2], IsTruncated: false })}`;
    const found = await events([text], { arrays: ['L'], scalars: ['IsTruncated'] });
    expect(found.filter((e) => e.kind !== 'array')).toEqual([
      { kind: 'element', page: 0, array: 'L', index: 0, value: 1 },
      { kind: 'scalar', page: 0, key: 'IsTruncated', value: true },
      { kind: 'element', page: 1, array: 'L', index: 0, value: 2 },
      { kind: 'scalar', page: 1, key: 'IsTruncated', value: false },
    ]);
  });

  it('keeps a __proto__ key as an own property, as JSON.parse does', async () => {
    const found = await events(['{"L":[{"__proto__":{"polluted":true}}]}'], { arrays: ['L'] });
    const value = elements(found)[0].value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(['__proto__']);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('names the element being read when the JSON breaks, after yielding those before it', async () => {
    const before = Array.from({ length: 30 }, (_, i) => JSON.stringify({ RoleName: `role-${i}`, pad: 'x'.repeat(600) })).join(',');
    const text = `{"RoleDetailList":[${before},{"RoleName":"secret-name" "oops"}]}`;
    const found = await events([text], { arrays: ['RoleDetailList'] });
    // The break is in element 30; element 29 ends just before it and may share the slice that breaks.
    const read = elements(found).length;
    expect(read).toBeGreaterThanOrEqual(29);
    expect(problems(found)).toEqual([
      {
        page: 0,
        where: `RoleDetailList[${read}]`,
        problem: expect.stringMatching(/^the JSON breaks at or after this place \(.+\): from here on nothing could be read$/),
        fatal: true,
      },
    ]);
    expect(JSON.stringify(problems(found))).not.toContain('secret-name');
  });

  it('names the element of a skipped array when the JSON breaks there', async () => {
    const pad = 'x'.repeat(100);
    const found = await events([`{"Skipped":[{"a":"${pad}"},{"b":[2, "${pad}"]},{"pad":"${pad}","c" 3}],"L":[1]}`], { arrays: ['L'] });
    expect(problems(found)).toEqual([{ page: 0, where: 'Skipped[2]', problem: expect.any(String), fatal: true }]);
  });

  it('says so when the file ends inside the document', async () => {
    const found = await events(['{"RoleDetailList":[{"RoleName":"a"},{"RoleName":'], { arrays: ['RoleDetailList'] });
    expect(elements(found)).toHaveLength(1);
    expect(problems(found)).toEqual([{ page: 0, where: 'RoleDetailList[1]', problem: expect.any(String), fatal: true }]);
  });

  it('refuses a top level that is not an object, and an empty file', async () => {
    expect(problems(await events(['[1, 2]'], { arrays: ['L'] }))).toEqual([
      { page: 0, where: 'the top level', problem: 'is not a JSON object: not this format', fatal: true },
    ]);
    expect(problems(await events(['  \n'], { arrays: ['L'] }))).toEqual([
      { page: 0, where: 'the file', problem: 'holds no JSON document', fatal: true },
    ]);
  });

  it('reports a named member that is not a list, and reads on', async () => {
    const found = await events(['{"L": {"a": 1}, "M": "text", "N": null, "K": [7]}'], { arrays: ['L', 'M', 'N', 'K'] });
    expect(problems(found)).toEqual([
      { page: 0, where: 'L', problem: 'is not a list: skipped', fatal: false },
      { page: 0, where: 'M', problem: 'is not a list: skipped', fatal: false },
    ]);
    expect(elements(found)).toEqual([{ page: 0, array: 'K', index: 0, value: 7 }]);
  });
});
