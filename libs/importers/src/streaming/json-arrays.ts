import { BrokenJsonError, jsonTokenBatches, type JsonToken } from './json-tokens';
import { JsonValueBuilder } from './json-value-builder';

/**
 * What streamJsonArrays finds in a JSON document, in order. `page` counts the
 * top-level objects of the input from 0: a file may hold several concatenated
 * documents (the pages of a paginated API call).
 */
export type JsonArraysEvent =
  | { kind: 'element'; page: number; array: string; index: number; value: unknown }
  /** A wanted array begins (it may turn out empty). */
  | { kind: 'array'; page: number; array: string }
  | { kind: 'scalar'; page: number; key: string; value: string | number | boolean | null }
  /** `where` names the place without the page (`RoleDetailList[12]`); a fatal problem ends the input. */
  | { kind: 'problem'; page: number; where: string; problem: string; fatal: boolean };

export interface JsonArraysOptions {
  /** Top-level members whose elements are yielded one at a time. */
  arrays: readonly string[];
  /** Top-level members with a scalar value that are yielded too (`IsTruncated`, `Marker`). */
  scalars?: readonly string[];
}

type Mode = 'between' | 'object' | 'array' | 'element' | 'skip';

/** A state machine over the tokens: tracks where it is and builds only the wanted elements. */
class TopLevelReader {
  readonly events: JsonArraysEvent[] = [];
  page = -1;
  private mode: Mode = 'between';
  private key: string | null = null;
  private index = 0;
  private skipDepth = 0;
  /** Whether the member being skipped is a top-level array: its elements are still counted, to name where a break is. */
  private skipArray = false;
  private builder = new JsonValueBuilder();

  constructor(
    private readonly arrays: ReadonlySet<string>,
    private readonly scalars: ReadonlySet<string>,
  ) {}

  /** False when the input cannot be read on (its top level is not an object). */
  feed(token: JsonToken): boolean {
    switch (this.mode) {
      case 'element':
        this.builder.consume(token);
        if (this.builder.done) this.emitElement();
        return true;
      case 'skip':
        this.skip(token);
        return true;
      case 'array':
        if (token.name === 'endArray') this.mode = 'object';
        else this.startElement(token);
        return true;
      case 'object':
        this.member(token);
        return true;
      case 'between':
        return this.startPage(token);
    }
  }

  where(): string {
    if (this.mode === 'element' || this.mode === 'array') return `${this.key}[${this.index}]`;
    if (this.mode === 'skip' && this.skipArray) return `${this.key}[${this.skipDepth > 1 ? this.index - 1 : this.index}]`;
    if (this.mode === 'between') return this.page < 0 ? 'the start of the file' : 'after the top-level object';
    return this.key === null ? 'the top-level object' : this.key;
  }

  problem(problem: string, fatal: boolean, where = this.where()): void {
    this.events.push({ kind: 'problem', page: Math.max(this.page, 0), where, problem, fatal });
  }

  /** The problem of an input that ends too soon, if it does. */
  end(): void {
    if (this.page < 0) this.problem('holds no JSON document', true, 'the file');
    else if (this.mode !== 'between') this.problem('the file ends inside it: the export is cut short', true);
  }

  private startPage(token: JsonToken): boolean {
    if (token.name !== 'startObject') {
      this.page += 1;
      this.problem('is not a JSON object: not this format', true, 'the top level');
      return false;
    }
    this.page += 1;
    this.mode = 'object';
    this.key = null;
    return true;
  }

  private member(token: JsonToken): void {
    const wanted = this.key !== null && this.arrays.has(this.key);
    switch (token.name) {
      case 'keyValue':
        this.key = token.value;
        return;
      case 'endObject':
        this.mode = 'between';
        this.key = null;
        return;
      case 'startArray':
        if (wanted) this.events.push({ kind: 'array', page: this.page, array: this.key ?? '' });
        this.enter(wanted ? 'array' : 'skip', true);
        return;
      case 'startObject':
        if (wanted) this.problem('is not a list: skipped', false);
        this.enter('skip', false);
        return;
      default:
        this.scalar(token, wanted);
    }
  }

  private enter(mode: 'array' | 'skip', isArray: boolean): void {
    this.mode = mode;
    this.index = 0;
    this.skipDepth = 1;
    this.skipArray = isArray;
  }

  private scalar(token: JsonToken, wanted: boolean): void {
    const value = scalarValue(token);
    if (value === undefined || this.key === null) return;
    if (this.scalars.has(this.key)) this.events.push({ kind: 'scalar', page: this.page, key: this.key, value });
    else if (wanted && value !== null) this.problem('is not a list: skipped', false);
  }

  private skip(token: JsonToken): void {
    if (this.skipDepth === 1 && token.name !== 'endArray' && token.name !== 'endObject') this.index += 1;
    if (token.name === 'startObject' || token.name === 'startArray') this.skipDepth += 1;
    else if (token.name === 'endObject' || token.name === 'endArray') this.skipDepth -= 1;
    if (this.skipDepth === 0) this.mode = 'object';
  }

  private startElement(token: JsonToken): void {
    this.builder = new JsonValueBuilder();
    this.builder.consume(token);
    if (this.builder.done) this.emitElement();
    else this.mode = 'element';
  }

  private emitElement(): void {
    this.events.push({ kind: 'element', page: this.page, array: this.key ?? '', index: this.index, value: this.builder.value });
    this.index += 1;
    this.mode = 'array';
  }
}

function scalarValue(token: JsonToken): string | number | boolean | null | undefined {
  switch (token.name) {
    case 'stringValue':
      return token.value;
    case 'numberValue':
      return Number(token.value);
    case 'nullValue':
    case 'trueValue':
    case 'falseValue':
      return token.value;
    default:
      return undefined;
  }
}

function drain(reader: TopLevelReader): JsonArraysEvent[] {
  return reader.events.splice(0);
}

/**
 * Streams a big JSON document (or several concatenated ones) and yields the
 * elements of the named top-level arrays one at a time, each with where it
 * stands (`RoleDetailList`, index 12, page 0). Everything else is tokenized and
 * skipped without being built, so memory holds one element at a time, whatever
 * the size of the file. Broken JSON ends the input with a fatal problem that
 * names the element being read; a top level that is not an object too.
 */
export async function* streamJsonArrays(
  stream: AsyncIterable<string | Uint8Array>,
  options: JsonArraysOptions,
): AsyncGenerator<JsonArraysEvent> {
  const reader = new TopLevelReader(new Set(options.arrays), new Set(options.scalars ?? []));
  try {
    for await (const tokens of jsonTokenBatches(stream, { jsonStreaming: true })) {
      const readOn = tokens.every((token) => reader.feed(token));
      yield* drain(reader);
      if (!readOn) return;
    }
  } catch (error) {
    if (!(error instanceof BrokenJsonError)) throw error;
    reader.problem(`the JSON breaks at or after this place (${error.reason}): from here on nothing could be read`, true);
    yield* drain(reader);
    return;
  }
  reader.end();
  yield* drain(reader);
}
