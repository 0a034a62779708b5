import { createWriteStream, mkdirSync, WriteStream } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { generateEstate } from './generate-estate';

/**
 * npm run estate -- --size 100000 [--seed 42] [--out .data/estate]
 * Writes one NDJSON file per source, ready for POST /ingest/{source}.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      size: { type: 'string', default: '1000' },
      seed: { type: 'string', default: '42' },
      out: { type: 'string', default: '.data/estate' },
    },
  });
  const size = Number(values.size);
  const seed = Number(values.seed);
  if (!Number.isInteger(size) || size <= 0) throw new Error(`--size must be a positive whole number, got "${values.size}"`);
  if (!Number.isInteger(seed)) throw new Error(`--seed must be a whole number, got "${values.seed}"`);
  mkdirSync(values.out, { recursive: true });
  const files = new Map<string, WriteStream>();
  const counts = new Map<string, number>();
  let broken = 0;
  let warned = 0;
  for (const { source, row, broken: why, warned: odd } of generateEstate({ size, seed })) {
    const file = files.get(source) ?? createWriteStream(path.join(values.out, `${source}.ndjson`));
    files.set(source, file);
    if (!file.write(`${JSON.stringify(row)}\n`)) await new Promise<void>((resolve) => file.once('drain', () => resolve()));
    counts.set(source, (counts.get(source) ?? 0) + 1);
    if (why) broken += 1;
    if (odd) warned += 1;
  }
  await Promise.all([...files.values()].map((file) => new Promise<void>((resolve) => file.end(() => resolve()))));
  for (const [source, count] of [...counts].sort())
    console.log(`${String(count).padStart(9)}  ${path.join(values.out, `${source}.ndjson`)}`);
  const rows = [...counts.values()].reduce((a, b) => a + b, 0);
  console.log(`${size} identities, ${rows} rows (${broken} broken on purpose, ${warned} with an unknown kind), seed ${seed}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : String(error));
  process.exit(1);
});
