import { jsonTokenBatches } from './json-tokens';

/**
 * Streams the text of one top-level string member of a JSON object piece by
 * piece (the base64 `Content` of `aws iam get-credential-report`), never holding
 * the whole string. Yields nothing when the member is absent or not a string;
 * throws BrokenJsonError when the JSON is broken before the string ends.
 */
export async function* streamJsonStringMember(stream: AsyncIterable<string | Uint8Array>, key: string): AsyncGenerator<string> {
  let depth = 0;
  let current: string | null = null;
  let inside = false;
  for await (const tokens of jsonTokenBatches(stream, {
    packStrings: false,
    streamStrings: true,
    streamKeys: false,
    streamNumbers: false,
  })) {
    for (const token of tokens) {
      if (inside) {
        if (token.name === 'endString') return;
        if (token.name === 'stringChunk') yield token.value;
        continue;
      }
      if (token.name === 'startObject' || token.name === 'startArray') depth += 1;
      else if (token.name === 'endObject' || token.name === 'endArray') depth -= 1;
      else if (token.name === 'keyValue' && depth === 1) current = token.value;
      else if (token.name === 'startString' && depth === 1 && current === key) inside = true;
    }
  }
}
