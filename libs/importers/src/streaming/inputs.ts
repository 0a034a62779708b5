import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ImportInput } from '../import-row';

/** A file of an export: every open() reads it again from the start. */
export function fileInput(path: string, label: string = basename(path)): ImportInput {
  return { label, open: () => createReadStream(path) };
}

/** Text already in memory (tests, small documents): every open() reads it again. */
export function textInput(label: string, text: string | Uint8Array): ImportInput {
  return { label, open: () => Readable.from([text]) };
}

/** An input made afresh by a function on every open() (a generated export, a fixture read from disk). */
export function streamInput(label: string, open: () => NodeJS.ReadableStream): ImportInput {
  return { label, open };
}

/**
 * A stream that can be read only once (standard input) as an input that can
 * be opened once: a second open() throws, naming the input, instead of reading
 * an already drained stream as an empty export. For one-pass formats.
 */
export function oneShotInput(label: string, stream: NodeJS.ReadableStream): ImportInput {
  let opened = false;
  return {
    label,
    open: () => {
      if (opened) throw new Error(`${label} can be read only once; this format reads its input twice: use spoolInput`);
      opened = true;
      return stream;
    },
  };
}

export interface SpooledInput extends ImportInput {
  /** Removes the copy; call it when the conversion is over. */
  dispose(): Promise<void>;
}

/**
 * Copies a stream that can be read only once (standard input) to a private
 * temporary file, chunk by chunk, so that a format that reads its input twice
 * (aws-gaad: definitions first, then principals) can open it again. Memory stays
 * bounded: the copy is on disk. The copy is removed by dispose().
 */
export async function spoolInput(label: string, stream: NodeJS.ReadableStream, directory: string = tmpdir()): Promise<SpooledInput> {
  const folder = await mkdtemp(join(directory, 'nhi-import-'));
  const path = join(folder, 'input');
  try {
    await pipeline(stream, createWriteStream(path, { mode: 0o600 }));
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
  return {
    label,
    open: () => createReadStream(path),
    dispose: () => rm(folder, { recursive: true, force: true }),
  };
}
