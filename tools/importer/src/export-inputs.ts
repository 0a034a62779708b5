import { createReadStream, createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ImportInput } from '@nhi/importers';

/** Bytes read so far of the current pass over an input, for the progress line. */
export interface ReadProgress {
  label: string;
  size: number;
  read: number;
  pass: number;
}

export interface ExportInputs {
  inputs: ImportInput[];
  progress: ReadProgress;
  /** Removes the copy of standard input, if one was made. */
  cleanUp(): void;
}

function counted(file: string, label: string, progress: ReadProgress): ImportInput {
  const size = statSync(file).size;
  return {
    label,
    open() {
      Object.assign(progress, { label, size, read: 0, pass: progress.label === label ? progress.pass + 1 : 1 });
      const counter = new PassThrough();
      counter.on('data', (chunk: Buffer) => {
        progress.read += chunk.length;
      });
      return createReadStream(file).pipe(counter);
    },
  };
}

/**
 * The files of an export as inputs a converter may read more than once (some
 * read in two passes to keep memory bounded). Standard input is copied to a
 * private temporary file first, since it can be read only once.
 */
export async function exportInputs(files: readonly string[], stdin: Readable = process.stdin): Promise<ExportInputs> {
  const progress: ReadProgress = { label: '', size: 0, read: 0, pass: 0 };
  let spoolDir: string | null = null;
  const inputs: ImportInput[] = [];
  for (const file of files) {
    if (file === '-') {
      spoolDir = mkdtempSync(path.join(tmpdir(), 'nhi-import-'));
      const copy = path.join(spoolDir, 'stdin');
      await pipeline(stdin, createWriteStream(copy, { mode: 0o600 }));
      inputs.push(counted(copy, 'standard input', progress));
    } else {
      try {
        if (!statSync(file).isFile()) throw new Error('not a file');
      } catch {
        throw new Error(`cannot read the export file ${path.basename(file)}: it does not exist or is not a file`);
      }
      inputs.push(counted(file, path.basename(file), progress));
    }
  }
  return { inputs, progress, cleanUp: () => spoolDir && rmSync(spoolDir, { recursive: true, force: true }) };
}
