/**
 * Types for the package entries the importers use that are published only
 * through package.json `exports` (stream-json 3: `stream-json/core/parser.js` ->
 * `src/core/parser.js`; csv-parse: `csv-parse/sync`), which this workspace's
 * `moduleResolution: node` does not read. Node and jest resolve the imports at
 * run time; this declares their shape, kept to what the importers call. Files
 * that import them reference this file, so a project that compiles them finds it.
 */
declare module 'stream-json/core/parser.js' {
  /** The parser's tokens with keys, strings and numbers packed (`streamValues: false`). */
  export type JsonToken =
    | { name: 'startObject' | 'endObject' | 'startArray' | 'endArray' }
    | { name: 'keyValue' | 'stringValue' | 'numberValue'; value: string }
    | { name: 'nullValue'; value: null }
    | { name: 'trueValue'; value: true }
    | { name: 'falseValue'; value: false }
    | { name: 'startKey' | 'endKey' | 'startString' | 'endString' | 'startNumber' | 'endNumber' }
    | { name: 'stringChunk' | 'numberChunk'; value: string };

  export interface JsonParserOptions {
    packValues?: boolean;
    packKeys?: boolean;
    packStrings?: boolean;
    packNumbers?: boolean;
    streamValues?: boolean;
    streamKeys?: boolean;
    streamStrings?: boolean;
    streamNumbers?: boolean;
    jsonStreaming?: boolean;
  }

  /**
   * The bare tokenizer: call it with each piece of text (whole UTF-16 strings) and
   * get the tokens found so far (`{ values }`) or the `none` symbol; call it with
   * `Symbol.for('object-stream.none')` at the end to flush. Throws on broken JSON
   * with a message that names what was expected, never the text.
   */
  export function jsonParser(options?: JsonParserOptions): (text: string | symbol) => { values: JsonToken[] } | symbol;
}

declare module 'csv-parse/sync' {
  /** csv-parse's synchronous parser: the records of a CSV text as arrays of fields. Throws a CsvError (with `code`) on broken CSV. */
  export function parse(input: string, options?: { relax_column_count?: boolean; bom?: boolean }): string[][];
}
