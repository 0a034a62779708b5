// A reference, not an import: the shims are ambient declarations, and any project that compiles this file must see them.
// eslint-disable-next-line @typescript-eslint/triple-slash-reference
/// <reference path="../../streaming/module-shims.d.ts" />
import { StringDecoder } from 'node:string_decoder';
import type { Readable } from 'node:stream';
import { jsonParser, type JsonToken } from 'stream-json/core/parser.js';

type Token = JsonToken;

/**
 * Builds one JSON value from stream-json's packed tokens. `add` returns true
 * when the value is complete; then `value` holds it.
 */
export class ValueBuilder {
  value: unknown = undefined;
  private readonly stack: Array<unknown[] | Record<string, unknown>> = [];
  private key: string | null = null;

  add(token: Token): boolean {
    switch (token.name) {
      case 'startObject':
        return this.open({});
      case 'startArray':
        return this.open([]);
      case 'endObject':
      case 'endArray':
        return this.close();
      case 'keyValue':
        this.key = String(token.value);
        return false;
      case 'stringValue':
        return this.put(String(token.value));
      case 'numberValue':
        return this.put(Number(token.value));
      case 'nullValue':
        return this.put(null);
      case 'trueValue':
        return this.put(true);
      case 'falseValue':
        return this.put(false);
      default:
        return false;
    }
  }

  private open(container: unknown[] | Record<string, unknown>): boolean {
    this.put(container);
    this.stack.push(container);
    return false;
  }

  private close(): boolean {
    this.stack.pop();
    return this.stack.length === 0;
  }

  private put(value: unknown): boolean {
    const parent = this.stack[this.stack.length - 1];
    if (!parent) {
      this.value = value;
      return true;
    }
    if (Array.isArray(parent)) parent.push(value);
    // A key such as __proto__ becomes an own property, never the prototype.
    else Object.defineProperty(parent, this.key ?? '', { value, enumerable: true, writable: true, configurable: true });
    return false;
  }
}

/** A top-level value of a JSON text: the root, or an element of the root array or of a streamed array under the root object. */
export interface JsonPart {
  /** '' for the root (an object without its streamed arrays, or a scalar), `[3]`, `items[3]`. */
  path: string;
  value: unknown;
}

type Phase = 'start' | 'rootArray' | 'rootObject' | 'streamedArray' | 'end';

/** stream-chain's "no more input" marker, a registered symbol. */
const END_OF_INPUT = Symbol.for('object-stream.none');

/**
 * Reads a JSON text as a stream: the elements of a root array one by one, and of
 * a root object the elements of the arrays under `streamKeys` one by one, then
 * the rest of the object as one value (path ''). Memory holds one element at a
 * time, whatever the file's size. Tokenizes each chunk synchronously with
 * stream-json's parser. Throws on text that is not JSON.
 */
export async function* jsonParts(source: Readable, streamKeys: readonly string[]): AsyncGenerator<JsonPart> {
  const tokenize = jsonParser({ packValues: true, streamValues: false, jsonStreaming: true });
  const decoder = new StringDecoder('utf8');
  const reader = new PartReader(streamKeys);
  let started = false;
  const feed = (text: string | symbol): JsonPart[] => {
    const tokens = tokenize(text);
    return typeof tokens === 'symbol' ? [] : tokens.values.flatMap((token) => reader.add(token) ?? []);
  };
  try {
    for await (const chunk of source) {
      let text = decoder.write(typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer));
      // A UTF-8 byte order mark (PowerShell writes one) is not JSON: dropped.
      if (!started && text) [text, started] = [text.replace(/^\uFEFF/, ''), true];
      yield* feed(text);
    }
    yield* feed(decoder.end());
    yield* feed(END_OF_INPUT);
  } finally {
    source.destroy();
  }
}

/**
 * Turns tokens into parts, root after root (concatenated JSON values, such as
 * `gh api --paginate` or `--jq '.[]'` write, are read one after the other; the
 * second and later are named `value 2 …`).
 */
class PartReader {
  private phase: Phase = 'start';
  private builder: ValueBuilder | null = null;
  private root: Record<string, unknown> = {};
  private key = '';
  private arrayKey = '';
  private index = 0;
  private streamed = false;
  private pendingPath: string | null = null;
  private rootNumber = 0;

  constructor(private readonly streamKeys: readonly string[]) {}

  add(token: Token): JsonPart | null {
    if (this.builder) return this.build(token);
    switch (this.phase) {
      case 'rootArray':
      case 'streamedArray':
        return this.element(token);
      case 'rootObject':
        return this.field(token);
      default:
        return this.start(token);
    }
  }

  private path(path: string): string {
    const prefix = this.rootNumber > 1 ? `value ${this.rootNumber}` : '';
    return [prefix, path].filter(Boolean).join(' ');
  }

  private start(token: Token): JsonPart | null {
    this.rootNumber++;
    this.root = {};
    this.streamed = false;
    if (token.name === 'startArray') this.phase = 'rootArray';
    else if (token.name === 'startObject') this.phase = 'rootObject';
    else {
      this.phase = 'end';
      return this.begin(token, this.path(''));
    }
    this.arrayKey = '';
    this.index = 0;
    return null;
  }

  private element(token: Token): JsonPart | null {
    if (token.name === 'endArray') {
      this.phase = this.phase === 'rootArray' ? 'end' : 'rootObject';
      return null;
    }
    return this.begin(token, this.path(`${this.arrayKey}[${this.index++}]`));
  }

  /** A root object's field: a streamed array starts, another value is built into the rest; at its end, the rest (if any is left). */
  private field(token: Token): JsonPart | null {
    if (token.name === 'endObject') {
      this.phase = 'end';
      return Object.keys(this.root).length > 0 || !this.streamed ? { path: this.path(''), value: this.root } : null;
    }
    if (token.name === 'keyValue') {
      this.key = String(token.value);
      return null;
    }
    if (token.name === 'startArray' && this.streamKeys.includes(this.key)) {
      this.phase = 'streamedArray';
      this.arrayKey = this.key;
      this.index = 0;
      this.streamed = true;
      return null;
    }
    return this.begin(token, null);
  }

  /** Starts building a value: a part at `path`, or (null) a field of the root object's rest. */
  private begin(token: Token, path: string | null): JsonPart | null {
    this.builder = new ValueBuilder();
    this.pendingPath = path;
    return this.build(token);
  }

  private build(token: Token): JsonPart | null {
    if (!this.builder?.add(token)) return null;
    const { value } = this.builder;
    this.builder = null;
    if (this.pendingPath === null) {
      Object.defineProperty(this.root, this.key, { value, enumerable: true, writable: true, configurable: true });
      return null;
    }
    return { path: this.pendingPath, value };
  }
}
