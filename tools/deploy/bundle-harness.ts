import { ChildProcess, spawn } from 'node:child_process';
import { accessSync, constants, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { stopProcess } from '@nhi/launcher';
import type { BundledApp } from './bundled-apps';

/** Node 24 (the project's, which runs this test) first on the PATH, so npm and the bundle run on what production runs. */
function runtimePath(): string {
  return [path.dirname(process.execPath), '/usr/local/bin', '/usr/bin', '/bin'].join(path.delimiter);
}

/**
 * What the machine, not the repository, tells every process: which certificate
 * authorities to trust and which proxy to go through. A registry behind a
 * TLS-inspecting proxy refuses `npm install` without them (SELF_SIGNED_CERT_IN_CHAIN),
 * and the project's Node 24 npm does not read the machine npm's global cafile.
 */
const MACHINE_NETWORK_SETTINGS = [
  'NODE_EXTRA_CA_CERTS',
  'SSL_CERT_FILE',
  'SSL_CERT_DIR',
  'HTTPS_PROXY',
  'https_proxy',
  'HTTP_PROXY',
  'http_proxy',
  'NO_PROXY',
  'no_proxy',
];

function machineNetworkSettings(): Record<string, string> {
  return Object.fromEntries(
    MACHINE_NETWORK_SETTINGS.flatMap((name) => {
      const value = process.env[name];
      return value ? [[name, value]] : [];
    }),
  );
}

/**
 * Nothing of the repository or of `npm test`'s own environment: no NODE_PATH,
 * no npm_config_* of the parent run. HOME stays, for npm's shared cache, and so
 * do the machine's certificate and proxy settings.
 */
export function bareEnvironment(extra: Record<string, string> = {}): Record<string, string> {
  return { PATH: runtimePath(), HOME: process.env['HOME'] ?? tmpdir(), ...machineNetworkSettings(), ...extra };
}

export interface Finished {
  code: number | null;
  output: string;
}

/** Runs a command to its end, keeping what it printed (for the failure message). */
export function run(command: string, args: string[], cwd: string, env: Record<string, string>): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += String(chunk)));
    child.stderr.on('data', (chunk) => (output += String(chunk)));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, output }));
  });
}

/**
 * Where the copies go: memory when the machine has a tmpfs (an install writes
 * tens of thousands of small files, which a disk makes the slowest part).
 */
function scratch(): string {
  try {
    accessSync('/dev/shm', constants.W_OK);
    return '/dev/shm';
  } catch {
    return tmpdir();
  }
}

/** A copy of dist/apps/<app> in an empty folder outside the repository, so nothing resolves from its node_modules. */
export function copyBundle(root: string, app: BundledApp): string {
  const dir = mkdtempSync(path.join(scratch(), `nhi-bundle-${app}-`));
  cpSync(path.join(root, 'dist/apps', app), dir, { recursive: true });
  return dir;
}

/** What a deployment runs in the copied folder, with the shared npm cache. */
export function npmInstall(dir: string): Promise<Finished> {
  return run('npm', ['install', '--omit=dev', '--prefer-offline', '--no-audit', '--no-fund'], dir, bareEnvironment());
}

/** Packages a bundle file requires from node_modules (webpack's externals), Node's own modules left out. */
export function externalRequires(file: string): string[] {
  const source = readFileSync(file, 'utf8');
  const names = [...source.matchAll(/module\.exports = require\("([^"]+)"\);/g)].map((match) => match[1] ?? '');
  return [...new Set(names)].filter((name) => !name.startsWith('node:') && !builtinModules.includes(name)).sort();
}

/**
 * The externals that do not resolve from the bundle's folder, asked of Node in
 * that folder with the bare environment (jest's own resolver maps @nhi/* to the
 * repository, which would hide exactly what this looks for).
 */
export async function unresolvedRequires(dir: string, file: string): Promise<string[]> {
  const probe = 'for (const name of JSON.parse(process.argv[1])) { try { require.resolve(name); } catch { console.log(name); } }';
  const names = externalRequires(path.join(dir, file));
  const result = await run(process.execPath, ['-e', probe, JSON.stringify(names)], dir, bareEnvironment());
  if (result.code !== 0) throw new Error(`could not check ${file}'s requires:\n${result.output}`);
  return result.output.split('\n').filter(Boolean);
}

/** A bundle started as a deployment starts it: `node main.js` in its folder, configured by its environment alone. */
export interface StartedBundle {
  app: BundledApp;
  url: string;
  process: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

export function startBundle(app: BundledApp, dir: string, env: Record<string, string>): StartedBundle {
  const child = spawn(process.execPath, ['main.js'], { cwd: dir, env: bareEnvironment(env), stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout?.on('data', (chunk) => (output += String(chunk)));
  child.stderr?.on('data', (chunk) => (output += String(chunk)));
  return {
    app,
    url: `http://127.0.0.1:${env['PORT']}`,
    process: child,
    output: () => output,
    stop: () => stopProcess(child),
  };
}

/** GET /health until it answers 200 and returns its body; fails with the log's tail if the process dies or it never does. */
export async function healthOf(bundle: StartedBundle, timeoutMs = 90_000): Promise<unknown> {
  const deadline = Date.now() + timeoutMs;
  const tail = () => bundle.output().trimEnd().split('\n').slice(-40).join('\n');
  for (;;) {
    if (bundle.process.exitCode !== null) throw new Error(`${bundle.app} exited with code ${bundle.process.exitCode}:\n${tail()}`);
    try {
      const response = await fetch(`${bundle.url}/health`, { signal: AbortSignal.timeout(3000) });
      if (response.ok) return await response.json();
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${bundle.app} did not answer /health with 200 within ${timeoutMs / 1000}s:\n${tail()}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
