import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseAcceptedChanges } from './accepted-changes';
import { checkSupergraph, describeCheck, passed } from './breaking-changes';

/**
 * `graphql:check` (part of npm test): fails on a breaking change of the composed
 * supergraph against the released one that is not on the allow-list; prints
 * dangerous ones. `graphql:release` promotes the current supergraph as released
 * and empties the allow-list, whose breaks have now shipped. Offline: files only.
 */
const workspaceRoot = path.resolve(__dirname, '../..');
const FILES = {
  current: 'apps/gateway/supergraph.graphql',
  released: 'apps/gateway/supergraph.released.graphql',
  accepted: 'apps/gateway/accepted-breaking-changes.json',
};
const at = (file: string) => path.join(workspaceRoot, file);
const EMPTY_ALLOW_LIST = `${JSON.stringify({ accepted: [] }, null, 2)}\n`;

function release(): void {
  copyFileSync(at(FILES.current), at(FILES.released));
  writeFileSync(at(FILES.accepted), EMPTY_ALLOW_LIST);
  process.stdout.write(`${FILES.released} is now the released supergraph; ${FILES.accepted} is empty again\n`);
}

async function check(): Promise<boolean> {
  const accepted = existsSync(at(FILES.accepted)) ? parseAcceptedChanges(readFileSync(at(FILES.accepted), 'utf8'), FILES.accepted) : [];
  const result = await checkSupergraph(readFileSync(at(FILES.released), 'utf8'), readFileSync(at(FILES.current), 'utf8'), accepted);
  const report = describeCheck(result, FILES);
  (passed(result) ? process.stdout : process.stderr).write(`${report}\n`);
  return passed(result);
}

async function main(): Promise<void> {
  if (process.argv.includes('--release')) {
    release();
    return;
  }
  if (!(await check())) process.exitCode = 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
