import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The repository's root, where the documents are. */
export const REPOSITORY_ROOT = path.resolve(__dirname, '../../..');

/**
 * The shell blocks of a document marked `<!-- checked: name -->`, by name: what
 * a reader copies is what the test runs.
 */
export function checkedSnippets(documentPath: string): Map<string, string> {
  const text = readFileSync(path.resolve(REPOSITORY_ROOT, documentPath), 'utf8');
  const snippets = new Map<string, string>();
  for (const match of text.matchAll(/<!-- checked: ([a-z0-9-]+) -->\s*```sh\n([\s\S]*?)```/g)) {
    snippets.set(match[1] ?? '', match[2] ?? '');
  }
  return snippets;
}

/**
 * Runs a documented snippet with bash (`--norc`: Node gives a child a socket for
 * stdin, and bash would take that for a remote shell and read the system bashrc), after replacing what differs in a test
 * run (the broker address, the topics' test prefix); `env` sets the variables
 * the document tells the reader to set.
 */
export async function runSnippet(
  snippet: string,
  replacements: ReadonlyArray<[string, string]>,
  env: Record<string, string>,
): Promise<string> {
  const script = replacements.reduce((text, [from, to]) => text.split(from).join(to), snippet);
  const { stdout } = await run('bash', ['--norc', '-euo', 'pipefail', '-c', script], {
    env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', ...env },
    timeout: 30_000,
  });
  return stdout;
}
