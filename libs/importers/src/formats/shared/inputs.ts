import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import type { ImportInput, ImportItem, ImportProblem, ImportRow } from '../../import-row';

/** An input over a file on disk, labelled with the file's name. */
export function fileInput(path: string, label = basename(path)): ImportInput {
  return { label, open: () => createReadStream(path) };
}

/** An input over text in memory (tests, and standard input once it is buffered). */
export function textInput(label: string, text: string): ImportInput {
  return { label, open: () => Readable.from([Buffer.from(text, 'utf8')]) };
}

/** Everything a conversion yields, split into rows and problems (tests and small tools). */
export async function collect(items: AsyncIterable<ImportItem>): Promise<{ rows: ImportRow[]; problems: ImportProblem[] }> {
  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  for await (const item of items) {
    if ('row' in item) rows.push(item.row);
    else problems.push(item.problem);
  }
  return { rows, problems };
}

/** The file name of an input's label (a label may be a path). */
export function fileNameOf(input: ImportInput): string {
  return basename(input.label);
}
