import { basename } from 'node:path';
import type { ImportInput, ImportItem, ImportProblem, ImportRow } from '../../import-row';

// One way to make inputs: the streaming helpers' (a file re-read on every open, text in memory).
export { fileInput, textInput } from '../../streaming/inputs';

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
