/**
 * stream-json's synchronous tokenizer (src/core/parser.js, re-exported by
 * src/parser.js): called with each text chunk, then with the `none` symbol
 * (`Symbol.for('object-stream.none')`) to flush; returns the tokens so far
 * (`{ values }`) or `none`; throws on text that is not JSON. The package's own
 * types are reached only through `exports`, which this workspace's module
 * resolution does not read.
 */
declare module 'stream-json/parser.js' {
  export interface JsonToken {
    name: string;
    value?: unknown;
  }
  export function jsonParser(options?: {
    packValues?: boolean;
    streamValues?: boolean;
    jsonStreaming?: boolean;
  }): (chunk: string | symbol) => { values: JsonToken[] } | symbol;
}
