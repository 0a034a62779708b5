import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { apiSchemaOf } from '../graphql-breaking/api-schema';
import { checkDescriptions, undescribedElements } from './undescribed';

/**
 * `graphql:descriptions`: lists the public elements of the composed graph that
 * have no description. With --shrink it removes from the known-gaps file the
 * elements described since; it never adds one (a new element comes described).
 */
const workspaceRoot = path.resolve(__dirname, '../..');
export const SUPERGRAPH_FILE = 'apps/gateway/supergraph.graphql';
export const KNOWN_GAPS_FILE = 'tools/graphql-descriptions/undescribed-known-gaps.txt';

export function readKnownGaps(root: string): string[] {
  return readFileSync(path.join(root, KNOWN_GAPS_FILE), 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
}

function main(): void {
  const undescribed = undescribedElements(apiSchemaOf(readFileSync(path.join(workspaceRoot, SUPERGRAPH_FILE), 'utf8')));
  const known = readKnownGaps(workspaceRoot);
  const { added, stale } = checkDescriptions(undescribed, known);
  if (process.argv.includes('--shrink')) {
    const header = readFileSync(path.join(workspaceRoot, KNOWN_GAPS_FILE), 'utf8')
      .split('\n')
      .filter((line) => line.startsWith('#'));
    const kept = known.filter((element) => !stale.includes(element));
    writeFileSync(path.join(workspaceRoot, KNOWN_GAPS_FILE), `${[...header, ...kept].join('\n')}\n`);
    process.stdout.write(`${KNOWN_GAPS_FILE}: ${stale.length} described since, ${kept.length} gaps left\n`);
  }
  process.stdout.write(`${undescribed.length} public elements without a description (${known.length - stale.length} known gaps)\n`);
  for (const element of added) process.stderr.write(`  new and undescribed: ${element}\n`);
  if (added.length > 0) process.exitCode = 1;
}

if (require.main === module) main();
