import { createReadStream, createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { toIngestRow, type ImportFormat } from '@nhi/importers';
import type { RawIdentityRow } from '../ingest/raw-identity-row';
import { UnparseableRow } from '../ingest/unparseable-row';

/** A raw export in a request body, copied to a private temporary file: converters may read it twice, a request only once. */
export interface SpooledExport {
  file: string;
  remove(): void;
}

export async function spoolBody(body: Readable): Promise<SpooledExport> {
  const dir = mkdtempSync(path.join(tmpdir(), 'nhi-ingest-export-'));
  const file = path.join(dir, 'export');
  try {
    await pipeline(body, createWriteStream(file, { mode: 0o600 }));
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return { file, remove: () => rmSync(dir, { recursive: true, force: true }) };
}

/**
 * The rows a converter makes of a spooled export, as ingest takes them: each
 * row as it comes, and each part it could not convert as a rejected row that
 * says where and why (never the value).
 */
export async function* exportRows(format: ImportFormat, spooled: SpooledExport): AsyncGenerator<RawIdentityRow | UnparseableRow> {
  const input = { label: 'request body', open: () => createReadStream(spooled.file) };
  for await (const item of format.convert([input])) {
    if ('row' in item) yield toIngestRow(item.row) as RawIdentityRow;
    else yield new UnparseableRow(`${item.problem.location}: ${item.problem.problem}`);
  }
}
