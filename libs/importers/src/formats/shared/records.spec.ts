import { fileInput, textInput } from './inputs';
import { isFault, readRecords, type FileRecord } from './records';

async function all(records: AsyncIterable<FileRecord>): Promise<FileRecord[]> {
  const out: FileRecord[] = [];
  for await (const record of records) out.push(record);
  return out;
}

describe('readRecords', () => {
  it('streams the elements of a root array, with their index', async () => {
    const records = await all(readRecords(textInput('sa.json', '\uFEFF [{"a":1},{"b":[true,null]}]')));
    expect(records).toEqual([
      { value: { a: 1 }, location: 'sa.json: [0]' },
      { value: { b: [true, null] }, location: 'sa.json: [1]' },
    ]);
  });

  it('streams the named arrays of a root object, then gives the rest of it', async () => {
    const text = '{"apiVersion":"v1","items":[{"kind":"A"},{"kind":"B"}],"kind":"List","metadata":{"resourceVersion":""}}';
    const records = await all(readRecords(textInput('rbac.json', text), ['items']));
    expect(records).toEqual([
      { value: { kind: 'A' }, location: 'rbac.json: items[0]' },
      { value: { kind: 'B' }, location: 'rbac.json: items[1]' },
      { value: { apiVersion: 'v1', kind: 'List', metadata: { resourceVersion: '' } }, location: 'rbac.json' },
    ]);
  });

  it('gives a root object whole when none of its arrays is streamed', async () => {
    const records = await all(readRecords(textInput('policy.json', '{"bindings":[{"role":"r"}],"etag":"x","__proto__":{"polluted":1}}')));
    expect(records).toHaveLength(1);
    const value = (records[0] as { value: Record<string, unknown> }).value;
    expect(value['bindings']).toEqual([{ role: 'r' }]);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('ends a file that is not JSON with a fault', async () => {
    const records = await all(readRecords(textInput('bad.json', '[{"a":1},{"b":')));
    expect(records[records.length - 1]).toEqual({
      fault: { location: 'bad.json', problem: 'not valid JSON; records after the fault were not read' },
    });
  });

  it('reads YAML document by document, numbering those with content, and goes on after a broken one', async () => {
    const text = [
      '---',
      '# only a comment',
      '---',
      'kind: A',
      '---',
      'kind: [B',
      '---',
      'apiVersion: v1',
      'kind: List',
      'items:',
      '- kind: C',
      '...',
      '',
    ].join('\n');
    const records = await all(readRecords(textInput('m.yaml', text), ['items']));
    expect(records.filter((record) => !isFault(record))).toEqual([
      { value: { kind: 'A' }, location: 'm.yaml: document 1' },
      { value: { kind: 'C' }, location: 'm.yaml: document 3 items[0]' },
      { value: { apiVersion: 'v1', kind: 'List' }, location: 'm.yaml: document 3' },
    ]);
    expect(records.filter(isFault)).toEqual([
      { fault: { location: 'm.yaml: document 2', problem: expect.stringMatching(/^not valid YAML/) } },
    ]);
  });

  it('reads concatenated JSON values one after the other, and pages of a root array', async () => {
    const text =
      '{"total_count":1,"installations":[{"id":1}]}\n{"total_count":1,"installations":[{"id":2}]}\n[[{"id":3}],[{"id":4}]]\n[{"total_count":1,"installations":[{"id":5}]}]';
    const records = await all(readRecords(textInput('gh.json', text), ['installations']));
    expect(records).toEqual([
      { value: { id: 1 }, location: 'gh.json: installations[0]' },
      { value: { total_count: 1 }, location: 'gh.json' },
      { value: { id: 2 }, location: 'gh.json: value 2 installations[0]' },
      { value: { total_count: 1 }, location: 'gh.json: value 2' },
      { value: { id: 3 }, location: 'gh.json: value 3 [0] [0]' },
      { value: { id: 4 }, location: 'gh.json: value 3 [1] [0]' },
      { value: { id: 5 }, location: 'gh.json: value 4 [0] installations[0]' },
      { value: { total_count: 1 }, location: 'gh.json: value 4 [0]' },
    ]);
  });

  it('says a file that cannot be opened could not be read', async () => {
    expect(await all(readRecords(fileInput('/nonexistent/rbac.json')))).toEqual([
      { fault: { location: 'rbac.json', problem: 'could not be read' } },
    ]);
  });

  it('opens a file once to tell JSON from YAML and read it', async () => {
    let opened = 0;
    const input = textInput('sa.yaml', 'kind: ServiceAccount\n');
    const counted = { label: input.label, open: () => (opened++, input.open()) };
    expect(await all(readRecords(counted))).toEqual([{ value: { kind: 'ServiceAccount' }, location: 'sa.yaml: document 1' }]);
    expect(opened).toBe(1);
  });

  it('gives nothing for an empty file', async () => {
    expect(await all(readRecords(textInput('empty.json', '  \n')))).toEqual([]);
  });
});
