import type { ImportRow } from './import-row';

/**
 * An import row as a bulk ingest line. The inventory reads an absent lastUsedAt
 * as "not known", so a provider's "never used" (lastUsedAt null here) travels
 * as neverUsed; everything else is sent as it is.
 */
export function toIngestLine(row: ImportRow): string {
  if (row.lastUsedAt !== null) return JSON.stringify(row);
  const { lastUsedAt: _never, ...rest } = row;
  return JSON.stringify({ ...rest, neverUsed: true });
}
