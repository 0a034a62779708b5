import { Readable } from 'node:stream';
import { streamCsvLines, type CsvLineEvent } from './csv-lines';

async function lines(pieces: Array<string | Buffer>, maxLineLength?: number): Promise<CsvLineEvent[]> {
  const found: CsvLineEvent[] = [];
  for await (const event of streamCsvLines(Readable.from(pieces), maxLineLength)) found.push(event);
  return found;
}

describe('streamCsvLines', () => {
  it('yields each line with its number, CRLF or LF, skipping blank lines, quoted fields read by csv-parse', async () => {
    expect(await lines(['a,b,c\r\n\r\nd,"e, with comma",""\n', 'g,"h ""quoted"""'])).toEqual([
      { kind: 'record', line: 1, fields: ['a', 'b', 'c'] },
      { kind: 'record', line: 3, fields: ['d', 'e, with comma', ''] },
      { kind: 'record', line: 4, fields: ['g', 'h "quoted"'] },
    ]);
  });

  it('a broken line costs that line only, named by number and never quoted', async () => {
    const found = await lines(['a,b\nc,"d"e\nf,"g\nh,i\nj,k"l,m\nn,o\n']);
    expect(found).toEqual([
      { kind: 'record', line: 1, fields: ['a', 'b'] },
      { kind: 'problem', line: 2, problem: 'is not valid CSV: a quoted field is followed by other characters: skipped' },
      { kind: 'problem', line: 3, problem: 'is not valid CSV: a quoted field is not closed on its line: skipped' },
      { kind: 'record', line: 4, fields: ['h', 'i'] },
      { kind: 'problem', line: 5, problem: 'is not valid CSV: a quote opens inside an unquoted field: skipped' },
      { kind: 'record', line: 6, fields: ['n', 'o'] },
    ]);
  });

  it('skips a line longer than the limit without holding it, and reads on', async () => {
    const found = await lines(['a,b\n', 'x'.repeat(40), 'y'.repeat(40), '\nc,d\n'], 50);
    expect(found).toEqual([
      { kind: 'record', line: 1, fields: ['a', 'b'] },
      { kind: 'problem', line: 2, problem: 'is longer than 50 characters: skipped' },
      { kind: 'record', line: 3, fields: ['c', 'd'] },
    ]);
  });

  it('reads UTF-8 split anywhere', async () => {
    const bytes = Buffer.from('name\nZoë,Müller\n', 'utf8');
    expect(await lines([...bytes].map((b) => Buffer.from([b])))).toEqual([
      { kind: 'record', line: 1, fields: ['name'] },
      { kind: 'record', line: 2, fields: ['Zoë', 'Müller'] },
    ]);
  });
});
