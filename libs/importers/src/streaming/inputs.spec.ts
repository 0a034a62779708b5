import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { text } from 'node:stream/consumers';
import { fileInput, oneShotInput, spoolInput, textInput } from './inputs';

describe('inputs', () => {
  let folder: string;
  beforeEach(() => (folder = mkdtempSync(join(tmpdir(), 'inputs-spec-'))));
  afterEach(() => rmSync(folder, { recursive: true, force: true }));

  it('a file and a text open again from the start each time', async () => {
    writeFileSync(join(folder, 'export.json'), '{"a":1}');
    const file = fileInput(join(folder, 'export.json'));
    expect(file.label).toBe('export.json');
    expect([await text(file.open()), await text(file.open())]).toEqual(['{"a":1}', '{"a":1}']);
    const memory = textInput('t', 'abc');
    expect([await text(memory.open()), await text(memory.open())]).toEqual(['abc', 'abc']);
  });

  it('spools a one-shot stream (standard input) so that it can be opened twice, and removes the copy', async () => {
    const spooled = await spoolInput('standard input', Readable.from(['{"Role', 'DetailList":[]}']), folder);
    expect(spooled.label).toBe('standard input');
    expect([await text(spooled.open()), await text(spooled.open())]).toEqual(['{"RoleDetailList":[]}', '{"RoleDetailList":[]}']);
    expect(readdirSync(folder)).toHaveLength(1);
    await spooled.dispose();
    expect(readdirSync(folder)).toHaveLength(0);
    expect(existsSync(join(folder, readdirSync(folder)[0] ?? 'none'))).toBe(false);
  });

  it('a one-shot input refuses a second open, naming itself', () => {
    const input = oneShotInput('standard input', Readable.from(['x']));
    input.open();
    expect(() => input.open()).toThrow(/^standard input can be read only once/);
  });
});
