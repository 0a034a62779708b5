import { createInterface } from 'node:readline';
import { parse as parseYaml } from 'yaml';
import { Readable } from 'node:stream';
import type { ImportInput, ImportProblem } from '../../import-row';
import { isObject } from './fields';
import { jsonParts } from './json-values';

/** One record of an export file: an element of a list, or a whole document. */
export interface FileValue {
  value: unknown;
  /** Where it is, for problems: `rbac.json: items[3]`, `manifests.yaml: document 2`, `keys.json: [0]`. */
  location: string;
}

/** A part of a file that could not be read (not JSON, not YAML): where, never the text. */
export interface FileFault {
  fault: ImportProblem;
}

export type FileRecord = FileValue | FileFault;

export const isFault = (record: FileRecord): record is FileFault => 'fault' in record;

const toBuffer = (chunk: unknown): Buffer => (typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : Buffer.from(chunk as Uint8Array));

/**
 * Opens an input once and reads up to its first non-blank character; returns that
 * character and a stream that still gives the whole text (what was read first,
 * then the rest), so a file is told JSON or YAML without opening it twice.
 */
async function peek(input: ImportInput): Promise<{ first: string; stream: Readable }> {
  const iterator = (input.open() as Readable)[Symbol.asyncIterator]();
  const head: Buffer[] = [];
  let first = '';
  while (!first) {
    const next = await iterator.next();
    if (next.done) break;
    const chunk = toBuffer(next.value);
    head.push(chunk);
    first = /\S/.exec(chunk.toString('utf8').replace(/^\uFEFF/, ''))?.[0] ?? '';
  }
  async function* whole(): AsyncGenerator<Buffer> {
    try {
      yield* head;
      for (let next = await iterator.next(); !next.done; next = await iterator.next()) yield toBuffer(next.value);
    } finally {
      await iterator.return?.();
    }
  }
  return { first, stream: Readable.from(whole(), { objectMode: false }) };
}

/**
 * The records of one file, JSON or YAML (told apart by the first character: `{`
 * or `[` is JSON). JSON streams: a root array's elements one at a time, and the
 * elements of the root object's arrays named in `streamKeys` (a kubectl List's
 * `items`), then the rest of the root object. YAML is read document by document
 * (`---`); a document that is a list, or holds a `streamKeys` list, gives its
 * elements. Text that is not JSON ends the file with a fault (records already
 * read stand); a YAML document that does not parse is a fault, and reading goes on.
 */
export async function* readRecords(input: ImportInput, streamKeys: readonly string[] = []): AsyncGenerator<FileRecord> {
  let opened: { first: string; stream: Readable };
  try {
    opened = await peek(input);
  } catch {
    yield { fault: { location: input.label, problem: 'could not be read' } };
    return;
  }
  const { first, stream } = opened;
  if (first === '{' || first === '[') yield* jsonRecords(input.label, stream, streamKeys);
  else if (first !== '') yield* yamlRecords(input.label, stream, streamKeys);
  else stream.destroy();
}

async function* jsonRecords(label: string, stream: Readable, streamKeys: readonly string[]): AsyncGenerator<FileRecord> {
  const parts = jsonParts(stream, streamKeys);
  for (;;) {
    let next: IteratorResult<{ path: string; value: unknown }>;
    try {
      next = await parts.next();
    } catch {
      yield { fault: { location: label, problem: 'not valid JSON; records after the fault were not read' } };
      return;
    }
    if (next.done) return;
    // A root array's element may be a page itself (`gh api --paginate --slurp`): its records are read too.
    const nested = next.value.path.endsWith(']') ? expand(next.value.value, streamKeys) : [{ path: '', value: next.value.value }];
    yield* nested.map((part) => ({ value: part.value, location: where(label, join(next.value.path, part.path)) }));
  }
}

async function* yamlRecords(label: string, stream: Readable, streamKeys: readonly string[]): AsyncGenerator<FileRecord> {
  let number = 0;
  for await (const document of yamlDocuments(stream)) {
    if (!/^[ \t]*[^\s#]/m.test(document.text)) continue;
    const prefix = `document ${++number}`;
    const value = parseDocument(document);
    if (value instanceof Error) {
      yield { fault: { location: where(label, prefix), problem: value.message } };
      continue;
    }
    if (value === null || value === undefined) continue;
    yield* expand(value, streamKeys).map((part) => ({ value: part.value, location: where(label, join(prefix, part.path)) }));
  }
}

/**
 * The records of a value read whole: a list's elements (`[3]`), an object's
 * `streamKeys` list elements (`items[3]`) then the rest of it, else the value.
 */
function expand(value: unknown, streamKeys: readonly string[]): Array<{ path: string; value: unknown }> {
  if (Array.isArray(value)) return value.map((item, i) => ({ path: `[${i}]`, value: item }));
  if (!isObject(value)) return [{ path: '', value }];
  const key = streamKeys.find((name) => Array.isArray(value[name]));
  if (!key) return [{ path: '', value }];
  const { [key]: list, ...rest } = value;
  const parts = (list as unknown[]).map((item, i) => ({ path: `${key}[${i}]`, value: item }));
  return Object.keys(rest).length ? [...parts, { path: '', value: rest }] : parts;
}

const join = (...paths: string[]): string => paths.filter(Boolean).join(' ');

interface YamlDocument {
  text: string;
  /** The file's line where the document starts (1-based). */
  line: number;
}

/** The documents of a YAML stream, split at `---` and `...` lines, one at a time. */
async function* yamlDocuments(stream: Readable): AsyncGenerator<YamlDocument> {
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let current: string[] = [];
  let start = 1;
  let lineNumber = 0;
  for await (const raw of lines) {
    lineNumber++;
    const line = lineNumber === 1 ? raw.replace(/^\uFEFF/, '') : raw;
    if (/^(---|\.\.\.)(\s|$)/.test(line)) {
      if (current.length) yield { text: current.join('\n'), line: start };
      // A `--- value` line starts a document on the same line.
      current = line.startsWith('---') && line.slice(3).trim() ? [line.slice(3)] : [];
      start = current.length ? lineNumber : lineNumber + 1;
      continue;
    }
    current.push(line);
  }
  if (current.length) yield { text: current.join('\n'), line: start };
}

/** The document's value, or an Error naming the line (never the text) when it is not YAML. */
function parseDocument(document: YamlDocument): unknown {
  try {
    return parseYaml(document.text, { logLevel: 'error', maxAliasCount: 100 });
  } catch (error) {
    const line = (error as { linePos?: Array<{ line: number }> }).linePos?.[0]?.line;
    return new Error(line === undefined ? 'not valid YAML' : `not valid YAML at line ${document.line + line - 1} of the file`);
  }
}

function where(label: string, path: string): string {
  return path ? `${label}: ${path}` : label;
}
