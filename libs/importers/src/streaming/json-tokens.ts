// A reference, not an import: the shims are ambient declarations, and any project that compiles this file must see them.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="./module-shims.d.ts" />
import { jsonParser, type JsonParserOptions, type JsonToken } from 'stream-json/core/parser.js';

export type { JsonToken, JsonParserOptions };

/** stream-chain's `none`: handed to a flushable stage, it means "the input has ended". */
const END_OF_INPUT = Symbol.for('object-stream.none');

/** The JSON text is broken: `reason` says what the parser expected, never the text it read. */
export class BrokenJsonError extends Error {
  constructor(readonly reason: string) {
    super(reason);
    this.name = 'BrokenJsonError';
  }
}

/** The text of a byte stream, decoded as UTF-8 piece by piece; a leading byte-order mark is dropped. */
export async function* decodeUtf8(stream: AsyncIterable<string | Uint8Array>): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8');
  let started = false;
  for await (const chunk of stream) {
    let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true });
    if (!started && text.length > 0) {
      started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    if (text.length > 0) yield text;
  }
  const rest = decoder.decode();
  if (rest.length > 0) yield rest;
}

function parserReason(error: unknown): string {
  const message = error instanceof Error ? error.message : '';
  // stream-json's messages name what it expected ("expected ','"), never the input; anything else is not shown.
  return /^Parser (cannot parse input|has expected)/.test(message)
    ? message.replace(/^Parser cannot parse input: /, '')
    : 'unreadable JSON';
}

function run(tokenize: ReturnType<typeof jsonParser>, input: string | symbol): JsonToken[] {
  let out: ReturnType<typeof tokenize>;
  try {
    out = tokenize(input);
  } catch (error) {
    throw new BrokenJsonError(parserReason(error));
  }
  return typeof out === 'symbol' ? [] : out.values;
}

/**
 * Text is tokenized in slices of this many characters. When the JSON breaks,
 * the tokens of the slice it breaks in are lost with the error, so a small
 * slice keeps the place named in the problem close to the break: only what
 * ends in the 64 characters before it is lost too. 64 costs about half again
 * the time of 512 in the tokenizer; 1 would be exact and ten times slower.
 */
const SLICE = 64;

/**
 * The tokens of a JSON text, a batch per piece of input read, never the whole
 * document. Keys, strings and numbers come packed unless the options say
 * otherwise. Throws BrokenJsonError when the text is not JSON (or ends too soon),
 * after yielding the tokens read before the slice it breaks in; read errors of
 * the stream itself pass through.
 */
export async function* jsonTokenBatches(
  stream: AsyncIterable<string | Uint8Array>,
  options: JsonParserOptions = {},
): AsyncGenerator<JsonToken[]> {
  const tokenize = jsonParser({ streamValues: false, ...options });
  for await (const text of decodeUtf8(stream)) {
    const batch: JsonToken[] = [];
    try {
      for (let start = 0; start < text.length; start += SLICE) {
        for (const token of run(tokenize, text.length <= SLICE ? text : text.slice(start, start + SLICE))) batch.push(token);
      }
    } catch (error) {
      if (batch.length > 0) yield batch;
      throw error;
    }
    if (batch.length > 0) yield batch;
  }
  const last = run(tokenize, END_OF_INPUT);
  if (last.length > 0) yield last;
}
