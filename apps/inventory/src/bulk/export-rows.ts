import type { Readable } from 'node:stream';
import { spoolInput, toIngestRow, type ImportFormat } from '@nhi/importers';
import type { RawIdentityRow } from '../ingest/raw-identity-row';
import { UnparseableRow } from '../ingest/unparseable-row';

/**
 * The rows a converter makes of a raw export in a request body, as ingest
 * takes them: each row as it comes, and each part it could not convert as a
 * rejected row that says where and why (never the value). The body is copied
 * to a private temporary file first (removed afterwards): a converter may read
 * its input twice, a request can be read once.
 */
export async function* exportRows(format: ImportFormat, body: Readable): AsyncGenerator<RawIdentityRow | UnparseableRow> {
  const input = await spoolInput('request body', body);
  try {
    for await (const item of format.convert([input])) {
      if ('row' in item) yield toIngestRow(item.row) as RawIdentityRow;
      else yield new UnparseableRow(`${item.problem.location}: ${item.problem.problem}`);
    }
  } finally {
    await input.dispose();
  }
}
