import { statSync } from 'node:fs';
import path from 'node:path';
import { PassThrough, type Readable } from 'node:stream';
import { fileInput, spoolInput, type ImportInput } from '@nhi/importers';

/** Bytes read so far of the current pass over an input, for the progress line; size 0 when unknown. */
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
  cleanUp(): Promise<void>;
}

/** The input, counting what each open() reads into the progress (a converter may read an input twice). */
function counted(input: ImportInput, size: number, progress: ReadProgress): ImportInput {
  return {
    label: input.label,
    open() {
      Object.assign(progress, { label: input.label, size, read: 0, pass: progress.label === input.label ? progress.pass + 1 : 1 });
      const counter = new PassThrough();
      counter.on('data', (chunk: Buffer) => {
        progress.read += chunk.length;
      });
      return input.open().pipe(counter);
    },
  };
}

function fileSize(file: string): number {
  try {
    const stat = statSync(file);
    if (stat.isFile()) return stat.size;
  } catch {
    // reported below
  }
  throw new Error(`cannot read the export file ${path.basename(file)}: it does not exist or is not a file`);
}

/**
 * The files of an export as inputs a converter may read more than once.
 * Standard input is copied to a private temporary file first (spoolInput),
 * since it can be read only once.
 */
export async function exportInputs(files: readonly string[], stdin: Readable = process.stdin): Promise<ExportInputs> {
  const progress: ReadProgress = { label: '', size: 0, read: 0, pass: 0 };
  const disposers: Array<() => Promise<void>> = [];
  const inputs: ImportInput[] = [];
  for (const file of files) {
    if (file === '-') {
      const spooled = await spoolInput('standard input', stdin);
      disposers.push(() => spooled.dispose());
      inputs.push(counted(spooled, 0, progress));
    } else {
      inputs.push(counted(fileInput(file), fileSize(file), progress));
    }
  }
  return { inputs, progress, cleanUp: async () => void (await Promise.all(disposers.map((dispose) => dispose()))) };
}
