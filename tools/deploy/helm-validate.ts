import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { WORKSPACE_ROOT } from '../dev-paths';

export interface ManifestProblem {
  kind?: string;
  name?: string;
  problem: string;
}

/** Problems of each object against the Kubernetes API schemas (helm-validate-manifests.mjs); empty when all are valid. */
export function validateManifests(manifests: readonly unknown[]): ManifestProblem[] {
  const run = spawnSync(process.execPath, [path.join(__dirname, 'helm-validate-manifests.mjs')], {
    cwd: WORKSPACE_ROOT,
    input: JSON.stringify(manifests),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`the manifest validator failed (exit ${run.status}):\n${run.stderr}`);
  return JSON.parse(run.stdout) as ManifestProblem[];
}
