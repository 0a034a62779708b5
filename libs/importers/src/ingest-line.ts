import type { ImportRow } from './import-row';

/** An import row as the inventory's ingest reads it. */
export type IngestRow = Omit<ImportRow, 'lastUsedAt'> & { lastUsedAt?: string; neverUsed?: true };

/**
 * The inventory reads an absent lastUsedAt as "not known", so a provider's
 * "never used" (lastUsedAt null here) travels as neverUsed; everything else is
 * sent as it is.
 */
export function toIngestRow(row: ImportRow): IngestRow {
  if (row.lastUsedAt !== null) return row as IngestRow;
  const { lastUsedAt: _never, ...rest } = row;
  return { ...rest, neverUsed: true };
}

/** An import row as one line of a bulk ingest upload (NDJSON). */
export function toIngestLine(row: ImportRow): string {
  return JSON.stringify(toIngestRow(row));
}
