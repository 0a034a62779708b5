import { nodeStages } from './ingest-stages';
import { compareTransports } from './ingest-transport';

/**
 * Run by `npm run bench:ingest -- --stages` (tools/bench/ingest-bench.ts) as a process of its own, with
 * the estate file and the bench's database: the Node side of a first load stage by stage, then the
 * transport probe. Prints one JSON line for the bench to print as tables. It lives with inventory's
 * sources because it measures them; the service never loads it.
 */
async function main(): Promise<void> {
  const [file, databaseUrl] = process.argv.slice(2);
  if (!file || !databaseUrl) throw new Error('usage: ingest-stages.bench-run.ts <estate.ndjson> <database url>');
  const { stages, states } = await nodeStages(file);
  const transports = await compareTransports(databaseUrl, states);
  process.stdout.write(`${JSON.stringify({ stages, transports })}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
