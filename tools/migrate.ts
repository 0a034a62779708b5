import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { WORKSPACE_ROOT } from './dev-paths';

/**
 * `npm run migrate -- <service>|all`: runs each service's own migrate.ts
 * (tools may start an app's file, not import it). A service with a database
 * is one that has one; `all` runs them one after another and stops at the
 * first failure. ADR 0025.
 */
function migrateScript(service: string): string {
  return path.join(WORKSPACE_ROOT, 'apps', service, 'src', 'migrate.ts');
}

const services = readdirSync(path.join(WORKSPACE_ROOT, 'apps')).filter((name) => existsSync(migrateScript(name)));
const target = process.argv[2];

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

if (!target || (target !== 'all' && !services.includes(target))) {
  fail(`usage: npm run migrate -- <service>|all, where <service> is one of ${services.join(', ')}`);
}
if (target === 'all' && process.env['DATABASE_URL']) {
  // One URL would send every service's tables into the same database.
  fail('DATABASE_URL names one database: with it set, migrate one service at a time (npm run migrate -- <service>)');
}

for (const service of target === 'all' ? services : [target]) {
  const run = spawnSync(process.execPath, ['-r', '@swc-node/register', migrateScript(service)], { cwd: WORKSPACE_ROOT, stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
