import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeOrCheckGeneratedFile } from './generated-file';

describe('writeOrCheckGeneratedFile', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'generated-'));
  const file = path.join(dir, 'schema.graphql');

  beforeEach(() => {
    process.exitCode = undefined;
    jest.spyOn(console, 'log').mockImplementation(() => undefined);
    jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterAll(() => {
    process.exitCode = undefined;
  });

  it('writes the file when not checking', () => {
    writeOrCheckGeneratedFile(file, 'type Query { a: Int }\n', false, 'regen');

    expect(readFileSync(file, 'utf8')).toBe('type Query { a: Int }\n');
  });

  it('fails the check, naming the command to run, when the committed file differs', () => {
    writeFileSync(file, 'type Query { old: Int }\n');

    writeOrCheckGeneratedFile(file, 'type Query { a: Int }\n', true, 'npm run graphql:generate');

    expect(process.exitCode).toBe(1);
    expect(console.error).toHaveBeenCalledWith(expect.stringContaining('Run: npm run graphql:generate'));
    expect(readFileSync(file, 'utf8')).toBe('type Query { old: Int }\n');
  });

  it('passes the check when the file matches', () => {
    writeFileSync(file, 'same\n');

    writeOrCheckGeneratedFile(file, 'same\n', true, 'regen');

    expect(process.exitCode).toBeUndefined();
  });
});
