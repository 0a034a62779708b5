import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import Busboy from 'busboy';
import { fileInput, spoolInput, type ImportInput } from '@nhi/importers';
import { IngestRequestError } from '../ingest/ingest-request-error';

/** The files of a raw export in a request, on disk until dispose(): converters may read an input twice, a request once. */
export interface UploadedExport {
  inputs: ImportInput[];
  dispose(): Promise<void>;
}

/** Most files one multipart upload may carry (an export is a handful: a list, its keys, a policy or two). */
const MAX_FILES = 50;

/**
 * A multipart file's name as a converter reads it (some formats take a
 * project or repository from it): the last path segment, in a safe alphabet.
 */
function safeName(name: string, index: number): string {
  const base = path
    .basename(name.replace(/\\/g, '/'))
    .replace(/[^A-Za-z0-9@._-]/g, '_')
    .slice(0, 200);
  return base && base !== '.' && base !== '..' ? base : `file-${index + 1}`;
}

async function multipartFiles(
  req: Readable & { headers: Record<string, string | string[] | undefined> },
  dir: string,
): Promise<ImportInput[]> {
  const inputs: ImportInput[] = [];
  const writes: Array<Promise<void>> = [];
  const parser = Busboy({ headers: req.headers as Record<string, string>, limits: { files: MAX_FILES } });
  parser.on('file', (_field, stream, info) => {
    const name = safeName(info.filename ?? '', inputs.length);
    const file = path.join(dir, `${inputs.length}-${name}`);
    inputs.push(fileInput(file, name));
    writes.push(pipeline(stream, createWriteStream(file, { mode: 0o600 })));
  });
  parser.on('filesLimit', () => parser.emit('error', new IngestRequestError(`an export upload holds at most ${MAX_FILES} files`)));
  await pipeline(req, parser);
  await Promise.all(writes);
  if (inputs.length === 0) throw new IngestRequestError('the multipart upload holds no file: send each file of the export as a file part');
  return inputs;
}

/**
 * The export in a request body: one file as the body itself, or several as
 * multipart/form-data file parts (each keeps its file name, which some formats
 * read). Copied to a private temporary folder, removed by dispose().
 */
export async function uploadedExport(req: Readable & { headers: Record<string, string | string[] | undefined> }): Promise<UploadedExport> {
  const type = String(req.headers['content-type'] ?? '').toLowerCase();
  if (!type.startsWith('multipart/form-data')) {
    const input = await spoolInput('request body', req);
    return { inputs: [input], dispose: () => input.dispose() };
  }
  const dir = await mkdtemp(path.join(tmpdir(), 'nhi-ingest-export-'));
  try {
    return { inputs: await multipartFiles(req, dir), dispose: () => rm(dir, { recursive: true, force: true }) };
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
