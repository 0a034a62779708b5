import { Readable } from 'node:stream';
import { MAX_LINE_BYTES, ndjsonRows } from './ndjson-rows';

async function collect(chunks: string[]): Promise<unknown[]> {
  const rows: unknown[] = [];
  for await (const row of ndjsonRows(Readable.from(chunks))) rows.push(row);
  return rows;
}

describe('ndjsonRows', () => {
  it('yields one row per line, across chunk boundaries, skipping blank lines', async () => {
    expect(await collect(['{"name":"a"}\n{"na', 'me":"b"}\n\n', '{"name":"c"}'])).toEqual([{ name: 'a' }, { name: 'b' }, { name: 'c' }]);
  });

  it('reports lines that are not JSON objects, and carries on', async () => {
    const rows = await collect(['{"name":"a"}\nnot json\n[1,2]\n{"name":"b"}\n']);

    expect(rows).toEqual([
      { name: 'a' },
      { reason: 'the line is not valid JSON: send one identity object per line (NDJSON)' },
      { reason: 'the line is JSON but not an object: send one identity object per line' },
      { name: 'b' },
    ]);
  });

  it('rejects an endless line without keeping it, then goes on with the next', async () => {
    const huge = 'x'.repeat(MAX_LINE_BYTES / 4);
    const rows = await collect(['{"name":"', huge, huge, huge, huge, huge, '"}\n{"name":"after"}\n']);

    expect(rows).toEqual([{ reason: `the line is longer than ${MAX_LINE_BYTES} bytes` }, { name: 'after' }]);
  });
});
