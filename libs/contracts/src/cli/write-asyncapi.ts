/* eslint-disable no-console -- a command-line tool reports on the console */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { buildAsyncApiDocument } from '../asyncapi';

/** Writes libs/contracts/asyncapi.json, or with --check fails when the committed file is stale. */
const target = path.resolve(__dirname, '../../asyncapi.json');
const expected = `${JSON.stringify(buildAsyncApiDocument(), null, 2)}\n`;

if (process.argv.includes('--check')) {
  const actual = readFileSync(target, 'utf8');
  if (actual !== expected) {
    console.error(`${target} is out of date with the event catalogue. Run: npx nx run contracts:asyncapi`);
    process.exit(1);
  }
  console.log('asyncapi.json matches the event catalogue');
} else {
  writeFileSync(target, expected);
  console.log(`wrote ${path.relative(process.cwd(), target)}`);
}
