import type { JsonToken } from './json-tokens';

type Container = Record<string, unknown> | unknown[];

/**
 * Builds one JSON value from packed tokens, as JSON.parse would (a `__proto__`
 * key is an own property, numbers are JavaScript numbers). Feed tokens until
 * `done`; then `value` holds the value.
 */
export class JsonValueBuilder {
  value: unknown = undefined;
  done = false;
  private readonly stack: Container[] = [];
  private readonly keys: Array<string | null> = [];
  private key: string | null = null;

  consume(token: JsonToken): void {
    switch (token.name) {
      case 'startObject':
        return this.open({});
      case 'startArray':
        return this.open([]);
      case 'endObject':
      case 'endArray':
        return this.close();
      case 'keyValue':
        this.key = token.value;
        return;
      case 'stringValue':
        return this.add(token.value);
      case 'numberValue':
        return this.add(Number(token.value));
      case 'nullValue':
      case 'trueValue':
      case 'falseValue':
        return this.add(token.value);
      default:
        return; // streamed pieces (startString, stringChunk …): only packed values count
    }
  }

  private open(container: Container): void {
    this.add(container);
    this.stack.push(container);
    this.keys.push(this.key);
    this.key = null;
  }

  private close(): void {
    this.stack.pop();
    this.key = this.keys.pop() ?? null;
    if (this.stack.length === 0) this.done = true;
  }

  private add(value: unknown): void {
    const parent = this.stack[this.stack.length - 1];
    if (parent === undefined) {
      this.value = value;
      if (typeof value !== 'object' || value === null) this.done = true;
    } else if (Array.isArray(parent)) {
      parent.push(value);
    } else if (this.key === '__proto__') {
      Object.defineProperty(parent, this.key, { value, enumerable: true, writable: true, configurable: true });
    } else if (this.key !== null) {
      parent[this.key] = value;
    }
  }
}
