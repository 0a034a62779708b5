import { streamJsonStringMember } from '../../streaming/json-string-member';
import { BrokenJsonError } from '../../streaming/json-tokens';

/** The file is not a credential report in any accepted form: `problem` says why, never quoting it. */
export class ReportFormError extends Error {
  constructor(
    readonly where: string,
    readonly problem: string,
  ) {
    super(`${where} ${problem}`);
    this.name = 'ReportFormError';
  }
}

type Chunk = string | Uint8Array;

/** "user," in base64: a report whose Content was saved without decoding starts so. */
const BASE64_HEADER = 'dXNlcix';

function text(chunk: Chunk): string {
  return typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('latin1');
}

/** Reads the first chunks until the first characters that are not blank are known; gives them and the whole stream again. */
async function peek(stream: AsyncIterable<Chunk>): Promise<{ head: string; all: AsyncIterable<Chunk> }> {
  const iterator = stream[Symbol.asyncIterator]();
  const seen: Chunk[] = [];
  let head = '';
  while (head.length < BASE64_HEADER.length) {
    const next = await iterator.next();
    if (next.done) break;
    seen.push(next.value);
    head = (head + text(next.value)).replace(/^[\s\uFEFF\u00EF\u00BB\u00BF]+/, '');
  }
  async function* all(): AsyncGenerator<Chunk> {
    yield* seen;
    for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield next.value;
  }
  return { head, all: all() };
}

/** Decodes base64 text piece by piece, keeping the characters of an unfinished group for the next piece. */
async function* decodeBase64(pieces: AsyncIterable<Chunk>, where: string): AsyncGenerator<Buffer> {
  let carry = '';
  for await (const piece of pieces) {
    const clean = carry + text(piece).replace(/\s+/g, '');
    if (/[^A-Za-z0-9+/=]/.test(clean)) throw new ReportFormError(where, 'is not base64: not a credential report');
    const usable = clean.length - (clean.length % 4);
    carry = clean.slice(usable);
    if (usable > 0) yield Buffer.from(clean.slice(0, usable), 'base64');
  }
  if (carry.length > 0) yield Buffer.from(carry, 'base64');
}

/** The base64 Content of the CLI's `{"Content": …, "ReportFormat": "text/csv", …}`, decoded as it streams. */
async function* wrappedContent(all: AsyncIterable<Chunk>): AsyncGenerator<Buffer> {
  let found = false;
  try {
    for await (const bytes of decodeBase64(streamJsonStringMember(all, 'Content'), 'Content')) {
      found = true;
      yield bytes;
    }
  } catch (error) {
    if (error instanceof BrokenJsonError)
      throw new ReportFormError('the JSON', `is broken (${error.reason}): the report could not be read`);
    throw error;
  }
  if (!found) throw new ReportFormError('the JSON', 'has no Content string: not the output of aws iam get-credential-report');
}

/**
 * The CSV of an IAM credential report, streaming, from any of the forms it is
 * saved in: the CSV itself (`--query Content --output text | base64 -d`), the
 * CLI's JSON answer with the report base64-encoded in `Content`, or that
 * Content alone, still base64. Never holds the whole report.
 */
export async function* reportCsv(stream: AsyncIterable<Chunk>): AsyncGenerator<Chunk> {
  const { head, all } = await peek(stream);
  if (head.startsWith('{')) yield* wrappedContent(all);
  else if (head.startsWith(BASE64_HEADER)) yield* decodeBase64(all, 'the file');
  else yield* all;
}
