import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { WORKSPACE_ROOT } from '../dev-paths';
import { helmCommand } from './helm-binary';

export const CHART_DIR = path.join(WORKSPACE_ROOT, 'infra', 'helm', 'nhi-platform');

/** One rendered Kubernetes object, as far as the tests read it. */
export interface Manifest {
  apiVersion: string;
  kind: string;
  metadata: { name: string; labels?: Record<string, string>; annotations?: Record<string, string> };
  [field: string]: unknown;
}

function helm(args: string[]): string {
  const run = spawnSync(helmCommand(), args, { cwd: WORKSPACE_ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (run.error) throw run.error;
  if (run.status !== 0) throw new Error(`helm ${args[0]} failed (exit ${run.status}):\n${run.stderr}`);
  return run.stdout;
}

function valuesArgs(valuesFiles: readonly string[], set: readonly string[]): string[] {
  return [...valuesFiles.flatMap((file) => ['--values', path.resolve(CHART_DIR, file)]), ...set.flatMap((entry) => ['--set', entry])];
}

/** `helm template` of the chart: every object it would install, hooks included. */
export function renderChart(valuesFiles: readonly string[] = [], set: readonly string[] = [], release = 'nhi'): Manifest[] {
  const output = helm(['template', release, CHART_DIR, '--namespace', 'nhi', ...valuesArgs(valuesFiles, set)]);
  return parseAllDocuments(output)
    .map((document) => document.toJS() as Manifest | null)
    .filter((manifest): manifest is Manifest => manifest !== null);
}

/** `helm lint --strict`: template errors, and warnings treated as errors. */
export function lintChart(valuesFiles: readonly string[] = []): string {
  return helm(['lint', '--strict', CHART_DIR, ...valuesArgs(valuesFiles, [])]);
}
