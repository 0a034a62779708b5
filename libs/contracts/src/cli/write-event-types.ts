/* eslint-disable no-console -- a command-line tool reports on the console */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';
import { contractsFiles } from './codegen/contracts-files';
import { sdkFiles } from './codegen/sdk-files';

/**
 * Writes the TypeScript generated from the event JSON Schemas (the data types
 * in libs/contracts/src/events, and the integrator SDK's copy of its schemas
 * and types), or with --check fails when a committed file is stale. The
 * schemas are the one source; nobody edits these files by hand.
 */
async function main(): Promise<void> {
  const check = process.argv.includes('--check');
  const files = new Map([...contractsFiles(), ...sdkFiles()]);
  const stale: string[] = [];
  for (const [file, source] of files) {
    const expected = await format(source, { ...(await resolveConfig(file)), filepath: file });
    const actual = existsSync(file) ? readFileSync(file, 'utf8') : undefined;
    if (actual === expected) continue;
    if (check) stale.push(path.relative(process.cwd(), file));
    else writeFileSync(file, expected);
  }
  if (stale.length > 0) {
    console.error(`out of date with the event schemas: ${stale.join(', ')}. Run: npx nx run contracts:event-types`);
    process.exit(1);
  }
  console.log(check ? 'generated event types match the schemas' : `event types written (${files.size} files)`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
