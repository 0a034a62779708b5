import type { Readable } from 'node:stream';
import type { RawIdentityRow } from '../ingest/raw-identity-row';
import { UnparseableRow } from '../ingest/unparseable-row';

/** A line longer than this is rejected without being held in memory: no identity row is that big. */
export const MAX_LINE_BYTES = 1024 * 1024;

function parseLine(line: string): RawIdentityRow | UnparseableRow {
  try {
    const value: unknown = JSON.parse(line);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as RawIdentityRow;
    return new UnparseableRow('the line is JSON but not an object: send one identity object per line');
  } catch {
    return new UnparseableRow('the line is not valid JSON: send one identity object per line (NDJSON)');
  }
}

/**
 * Rows of an NDJSON stream, one per non-blank line. Reading waits for the
 * consumer (for await applies backpressure to the socket), so memory stays
 * bounded by one chunk of rows and one line, however big the upload.
 */
export async function* ndjsonRows(stream: Readable): AsyncGenerator<RawIdentityRow | UnparseableRow> {
  let pending = '';
  let skipping = false;
  stream.setEncoding('utf8');
  for await (const piece of stream as AsyncIterable<string>) {
    let text = pending + piece;
    pending = '';
    let newline = text.indexOf('\n');
    while (newline !== -1) {
      const line = text.slice(0, newline).trim();
      text = text.slice(newline + 1);
      if (skipping) skipping = false;
      else if (line) yield parseLine(line);
      newline = text.indexOf('\n');
    }
    if (skipping) continue;
    if (Buffer.byteLength(text) > MAX_LINE_BYTES) {
      yield new UnparseableRow(`the line is longer than ${MAX_LINE_BYTES} bytes`);
      skipping = true;
    } else {
      pending = text;
    }
  }
  if (!skipping && pending.trim()) yield parseLine(pending.trim());
}
