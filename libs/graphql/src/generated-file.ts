/* eslint-disable no-console -- command-line tools report on the console */
import { readFileSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

/**
 * Writes a generated file, or with `check` fails (exit code 1) when the committed
 * copy differs, naming the command that regenerates it.
 */
export function writeOrCheckGeneratedFile(file: string, content: string, check: boolean, regenerate: string): void {
  const relative = path.relative(process.cwd(), file);
  if (check) {
    const committed = existsSync(file) ? readFileSync(file, 'utf8') : '';
    if (committed !== content) {
      console.error(`${relative} differs from what the code generates. Run: ${regenerate}`);
      process.exitCode = 1;
      return;
    }
    console.log(`${relative} is up to date`);
    return;
  }
  writeFileSync(file, content);
  console.log(`wrote ${relative}`);
}
