import path from 'node:path';
import { writeOrCheckGeneratedFile } from '@nhi/graphql';
import { composeSupergraph } from './compose-supergraph';

/** The `supergraph` target: writes apps/gateway/supergraph.graphql, or with --check fails on drift. */
const workspaceRoot = path.resolve(__dirname, '../../../..');
try {
  writeOrCheckGeneratedFile(
    path.join(workspaceRoot, 'apps/gateway/supergraph.graphql'),
    composeSupergraph(workspaceRoot),
    process.argv.includes('--check'),
    'npm run graphql:generate',
  );
} catch (error) {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
