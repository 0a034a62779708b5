import { toIngestRow, type ImportFormat } from '@nhi/importers';
import type { RawIdentityRow } from '../ingest/raw-identity-row';
import { UnparseableRow } from '../ingest/unparseable-row';
import type { UploadedExport } from './export-upload';

/**
 * The rows a converter makes of an uploaded export, as ingest takes them: each
 * row as it comes, and each part it could not convert as a rejected row that
 * says where and why (never the value). The upload's files are removed at the end.
 */
export async function* exportRows(format: ImportFormat, upload: UploadedExport): AsyncGenerator<RawIdentityRow | UnparseableRow> {
  try {
    for await (const item of format.convert(upload.inputs)) {
      if ('row' in item) yield toIngestRow(item.row) as RawIdentityRow;
      else yield new UnparseableRow(`${item.problem.location}: ${item.problem.problem}`);
    }
  } finally {
    await upload.dispose();
  }
}
