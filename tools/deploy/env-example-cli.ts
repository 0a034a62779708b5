import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { WORKSPACE_ROOT } from '../dev-paths';
import { APP_ENV_SCHEMAS } from './app-env-schemas';
import { envExamplePath, renderEnvExample } from './env-example';

/**
 * `npm run env:example`: writes apps/<app>/.env.example for every deployable app
 * from its config schema. `--check` writes nothing and exits 1 naming the stale ones.
 */
const check = process.argv.includes('--check');
// Defaults under the working directory are written relative to it (env-example.ts).
process.chdir(WORKSPACE_ROOT);
const stale: string[] = [];
for (const schema of APP_ENV_SCHEMAS) {
  const file = envExamplePath(WORKSPACE_ROOT, schema.app);
  const text = renderEnvExample(WORKSPACE_ROOT, schema);
  let committed = '';
  try {
    committed = readFileSync(file, 'utf8');
  } catch {
    // none yet
  }
  if (committed === text) continue;
  stale.push(path.relative(WORKSPACE_ROOT, file));
  if (!check) writeFileSync(file, text);
}
if (check && stale.length > 0) {
  console.error(`out of date (run npm run env:example): ${stale.join(', ')}`);
  process.exit(1);
}
console.log(stale.length === 0 ? 'every .env.example is up to date' : `wrote ${stale.join(', ')}`);
