import { Readable } from 'node:stream';
import { streamJsonStringMember } from './json-string-member';
import { BrokenJsonError } from './json-tokens';

async function pieces(text: string, key: string, size = 3): Promise<string[]> {
  const chunks = Array.from({ length: Math.ceil(text.length / size) }, (_, i) => text.slice(i * size, (i + 1) * size));
  const found: string[] = [];
  for await (const piece of streamJsonStringMember(Readable.from(chunks), key)) found.push(piece);
  return found;
}

describe('streamJsonStringMember', () => {
  it('streams the top-level member, escapes decoded, ignoring nested members of the same name', async () => {
    const text = JSON.stringify({ Nested: { Content: 'no' }, Content: `a/b\\c "q" ${'x'.repeat(1000)}`, After: 1 });
    expect((await pieces(text, 'Content')).join('')).toBe(`a/b\\c "q" ${'x'.repeat(1000)}`);
  });

  it('yields nothing when the member is absent or not a string', async () => {
    expect(await pieces('{"Other": "x", "Content": 5}', 'Content')).toEqual([]);
  });

  it('throws BrokenJsonError when the JSON breaks before the string ends', async () => {
    await expect(pieces('{"Content": "abc', 'Content')).rejects.toBeInstanceOf(BrokenJsonError);
  });
});
