import { contextFromFile } from './try-context';
import { CHECK_NAMES, runChecks, waitForSettled } from './index';

/**
 * Runs the chaos checks against a platform that is running now, described by
 * a JSON file (see try-context.ts; try-platform.ts writes one):
 *
 *   node_modules/.bin/node -r @swc-node/register tools/chaos/src/checks/try-checks.ts <context.json> \
 *     [--only identities-everywhere,audit-complete] [--settle-timeout 120] [--no-settle]
 *
 * Waits for the platform to settle first, prints each check's result and
 * evidence, and exits 1 when any check failed.
 */
function option(name: string): string | undefined {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

async function main(): Promise<number> {
  const file = process.argv[2];
  if (!file || file.startsWith('--')) {
    console.error(`usage: try-checks.ts <context.json> [--only ${CHECK_NAMES.join(',')}] [--settle-timeout seconds] [--no-settle]`);
    return 2;
  }
  const ctx = contextFromFile(file, (line) => console.log(`  ${line}`));
  if (!process.argv.includes('--no-settle')) {
    const { ms } = await waitForSettled(ctx, Number(option('--settle-timeout') ?? 120) * 1000);
    console.log(`settled in ${(ms / 1000).toFixed(1)} s`);
  }
  const only = option('--only')
    ?.split(',')
    .map((name) => name.trim());
  const results = await runChecks(ctx, only);
  for (const result of results) {
    console.log(`\n${result.ok ? 'PASS' : 'FAIL'} ${result.name}: lost ${result.lost}, doubled ${result.doubled}`);
    for (const line of result.evidence) console.log(`     ${line}`);
  }
  const failed = results.filter((r) => !r.ok);
  console.log(
    `\n${results.length - failed.length} of ${results.length} checks passed${failed.length ? `; failed: ${failed.map((r) => r.name).join(', ')}` : ''}`,
  );
  return failed.length > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(2);
  },
);
