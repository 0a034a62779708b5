// A reference, not an import: the shims are ambient declarations, and any project that compiles this file must see them.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./module-shims.d.ts" />
import { parse } from 'csv-parse/sync';
import { decodeUtf8 } from './json-tokens';

export type CsvLineEvent = { kind: 'record'; line: number; fields: string[] } | { kind: 'problem'; line: number; problem: string };

type TextLine = { line: number; text: string } | { line: number; tooLong: true };

/** The lines of a text stream with their numbers (from 1); a line longer than `maxLength` is not kept, only named. */
export async function* textLines(stream: AsyncIterable<string | Uint8Array>, maxLength: number): AsyncGenerator<TextLine> {
  let pending = '';
  let line = 1;
  let overflow = false;
  for await (const chunk of decodeUtf8(stream)) {
    pending += chunk;
    let start = 0;
    let newline = pending.indexOf('\n');
    while (newline >= 0) {
      yield overflow ? { line, tooLong: true } : { line, text: pending.slice(start, newline) };
      overflow = false;
      line += 1;
      start = newline + 1;
      newline = pending.indexOf('\n', start);
    }
    pending = pending.slice(start);
    if (pending.length > maxLength) {
      overflow = true;
      pending = '';
    }
  }
  if (overflow) yield { line, tooLong: true };
  else if (pending.length > 0) yield { line, text: pending };
}

const CSV_REASONS: Record<string, string> = {
  CSV_INVALID_CLOSING_QUOTE: 'a quoted field is followed by other characters',
  INVALID_OPENING_QUOTE: 'a quote opens inside an unquoted field',
  CSV_QUOTE_NOT_CLOSED: 'a quoted field is not closed on its line',
};

function fieldsOf(text: string): string[] | { problem: string } {
  // The common case, no quote at all, is a plain split; csv-parse reads quoted fields.
  if (!text.includes('"')) return text.split(',');
  try {
    const records = parse(text, { relax_column_count: true });
    return records.length === 1 ? records[0] : { problem: 'is not one CSV record' };
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    return { problem: `is not valid CSV: ${(typeof code === 'string' && CSV_REASONS[code]) || 'unreadable'}` };
  }
}

/**
 * Streams a CSV text line by line and yields each line's fields with its line
 * number, or a problem naming the line (never its content). Each line is read
 * on its own, so a broken line costs that line only: csv-parse's own stream,
 * after a broken quote, reads the following lines as one field, and after an
 * over-long record silently reads nothing more. The price: a quoted field cannot
 * span lines, which the exports read this way (the IAM credential report) never do.
 * Blank lines are skipped; lines end with LF or CRLF.
 */
export async function* streamCsvLines(stream: AsyncIterable<string | Uint8Array>, maxLineLength = 64 * 1024): AsyncGenerator<CsvLineEvent> {
  for await (const item of textLines(stream, maxLineLength)) {
    if ('tooLong' in item) {
      yield { kind: 'problem', line: item.line, problem: `is longer than ${maxLineLength} characters: skipped` };
      continue;
    }
    const text = item.text.endsWith('\r') ? item.text.slice(0, -1) : item.text;
    if (text.trim() === '') continue;
    const fields = fieldsOf(text);
    if (Array.isArray(fields)) yield { kind: 'record', line: item.line, fields };
    else yield { kind: 'problem', line: item.line, problem: `${fields.problem}: skipped` };
  }
}
