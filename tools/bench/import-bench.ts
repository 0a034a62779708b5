import { execFile, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { createWriteStream, existsSync, mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { promisify } from 'node:util';
import { parseArgs } from 'node:util';
import { generateDevKeys, mintDevToken } from '@nhi/auth';
import { generateGaadStream } from '@nhi/importers';
import { consoleProgress, ensureKafka, ensurePostgres, PRODUCTION_NODE_ARGS, spawnService, waitHealthy } from '@nhi/launcher';
import { dropDatabase, ensureDatabase } from '@nhi/persistence';
import { DATA_DIR, WORKSPACE_ROOT } from '../dev-paths';
import { databaseUrlOn, rssMb, runBench } from './bench-support';

/**
 * npm run bench:import -- [--mb 200] [--port 4902] [--skip-upload] [--only-import] [--inventory-heap-mb N] [--from-source]
 *
 * On a generated GAAD-shaped export of about --mb megabytes, measured in one
 * run: JSON.parse of the whole file (the baseline), the aws-gaad converter
 * streaming it with the privilege rules judging every principal (principals/s
 * and the ratio to the baseline), and the whole import (the CLI converting and
 * uploading to an inventory service of its own) with both processes' peak RSS.
 * The inventory runs as production runs it: its webpack bundle (built first)
 * with PRODUCTION_NODE_ARGS and PRODUCTION_ENV. --from-source runs its sources
 * through swc instead, as `npm start` does; --inventory-heap-mb sets another
 * V8 old-space ceiling (--max-old-space-size).
 */
const { values } = parseArgs({
  options: {
    mb: { type: 'string', default: '200' },
    port: { type: 'string', default: '4902' },
    'skip-upload': { type: 'boolean', default: false },
    'only-import': { type: 'boolean', default: false },
    'inventory-heap-mb': { type: 'string' },
    'from-source': { type: 'boolean', default: false },
  },
});
const targetMb = Number(values.mb);
/** A generated principal takes about 750 bytes of export. */
const principals = Math.round((targetMb * 1024 * 1024) / 750);
const benchDir = path.join(DATA_DIR, 'bench');
const runId = randomBytes(3).toString('hex');
const serverUrl = process.env['DATABASE_SERVER_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const log = (message: string) => consoleProgress(`[bench] ${message}`);
const run = promisify(execFile);
const MB = 1024 * 1024;

interface StageResult {
  principals: number;
  seconds: number;
  peakRssMb: number;
}

async function exportFile(): Promise<string> {
  mkdirSync(benchDir, { recursive: true });
  const file = path.join(benchDir, `gaad-${principals}.json`);
  if (!existsSync(file)) {
    log(`generating a GAAD-shaped export of ${principals} principals`);
    await pipeline(generateGaadStream(principals), createWriteStream(file));
  }
  return file;
}

async function stage(name: 'baseline' | 'convert', file: string): Promise<StageResult> {
  log(`stage ${name}`);
  const script = path.join(WORKSPACE_ROOT, 'tools/bench/import-bench-stage.ts');
  const { stdout } = await run(process.execPath, ['-r', '@swc-node/register', script, '--stage', name, '--file', file], {
    cwd: WORKSPACE_ROOT,
    maxBuffer: 1024 * 1024,
  });
  return JSON.parse(stdout.trim().split('\n').at(-1) ?? '{}') as StageResult;
}

/** The CLI importing the file into a fresh inventory; both processes' peak RSS, sampled while it runs. */
async function wholeImport(
  file: string,
): Promise<{ seconds: number; report: string; importerMb: number; inventoryMb: number; inventoryRestMb: number }> {
  const keysDir = mkdtempSync(path.join(tmpdir(), 'bench-import-keys-'));
  const keys = generateDevKeys();
  writeFileSync(path.join(keysDir, 'jwt-dev-public.pem'), keys.publicKeyPem);
  const databaseUrl = databaseUrlOn(serverUrl, `nhi_bench_import_${runId}`);
  await ensureDatabase(databaseUrl);
  const port = Number(values.port);
  const inventory = spawnService({
    root: WORKSPACE_ROOT,
    name: 'inventory',
    port,
    logDir: path.join(benchDir, `import-logs-${runId}`),
    env: {
      DATABASE_URL: databaseUrl,
      KAFKA_TOPIC_PREFIX: `bench.${runId}.`,
      KAFKA_GROUP_ID: `bench-${runId}`,
      DEV_KEYS_DIR: keysDir,
      ACTOR_SIGNING_KEY: randomBytes(32).toString('base64url'),
      LOG_LEVEL: 'warn',
    },
    nodeArgs: values['inventory-heap-mb'] ? [`--max-old-space-size=${Number(values['inventory-heap-mb'])}`] : [],
    built: !values['from-source'],
  });
  try {
    await waitHealthy(inventory, 120_000);
    const inventoryRestMb = rssMb(inventory.process.pid, 'VmRSS');
    const token = await mintDevToken(keys.privateKeyPem, {
      sub: 'bench',
      roles: ['integrator'],
      sources: ['bench-gaad'],
      issuer: 'nhi-dev',
      audience: 'nhi-platform',
    });
    log('whole import: the CLI converting and uploading to the inventory');
    const began = Date.now();
    const cli = spawn(
      process.execPath,
      ['-r', '@swc-node/register', 'tools/importer/src/cli.ts', 'aws-gaad', file, '--source', 'bench-gaad'],
      {
        cwd: WORKSPACE_ROOT,
        env: { ...process.env, NHI_TOKEN: token, INVENTORY_BASE_URL: `http://127.0.0.1:${port}` },
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    );
    let report = '';
    cli.stdout.on('data', (chunk: Buffer) => (report += chunk.toString()));
    let importerMb = 0;
    let inventoryMb = 0;
    const sampler = setInterval(() => {
      importerMb = Math.max(importerMb, rssMb(cli.pid));
      inventoryMb = Math.max(inventoryMb, rssMb(inventory.process.pid));
    }, 100);
    const code = await new Promise<number | null>((resolve) => cli.on('exit', resolve));
    clearInterval(sampler);
    inventoryMb = Math.max(inventoryMb, rssMb(inventory.process.pid));
    if (code !== 0) throw new Error(`the import exited with ${code}`);
    return { seconds: (Date.now() - began) / 1000, report, importerMb, inventoryMb, inventoryRestMb };
  } finally {
    await inventory.stop();
    await dropDatabase(databaseUrl).catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const file = await exportFile();
  const sizeMb = statSync(file).size / MB;
  if (values['only-import']) return reportImport(file, principals);
  const baseline = await stage('baseline', file);
  const convert = await stage('convert', file);
  const rate = (r: StageResult) => r.principals / r.seconds;
  console.log(
    `\nImport benchmark: ${sizeMb.toFixed(0)} MB GAAD-shaped export, ${convert.principals} principals, ${new Date().toISOString()}, ${process.version}\n`,
  );
  console.log('| stage | principals | seconds | principals/s | peak RSS |');
  console.log('|---|---:|---:|---:|---:|');
  console.log(
    `| JSON.parse of the whole file (baseline) | ${baseline.principals} | ${baseline.seconds.toFixed(1)} | ${Math.round(rate(baseline))} | ${baseline.peakRssMb} MB |`,
  );
  console.log(
    `| aws-gaad streaming + privilege rules | ${convert.principals} | ${convert.seconds.toFixed(1)} | ${Math.round(rate(convert))} | ${convert.peakRssMb} MB |`,
  );
  console.log(
    `\n- parse and evaluation: ${Math.round(rate(convert))} principals/s (target >= 5000), ${(rate(convert) / rate(baseline)).toFixed(2)}x the baseline's rate`,
  );
  if (values['skip-upload']) return;
  await reportImport(file, convert.principals);
}

async function reportImport(file: string, count: number): Promise<void> {
  if (!values['from-source']) {
    log('building the inventory bundle');
    await run('npx', ['nx', 'run', 'inventory:build', '--outputStyle=static'], { cwd: WORKSPACE_ROOT, maxBuffer: 16 * 1024 * 1024 });
  }
  await ensureKafka(WORKSPACE_ROOT, '127.0.0.1:9092', consoleProgress);
  await ensurePostgres(WORKSPACE_ROOT, serverUrl, consoleProgress);
  const whole = await wholeImport(file);
  const heap = [
    values['from-source'] ? ' (inventory from its sources through swc)' : ` (inventory from its bundle, ${PRODUCTION_NODE_ARGS.join(' ')})`,
    values['inventory-heap-mb'] ? ` (inventory heap capped at ${values['inventory-heap-mb']} MB)` : '',
  ].join('');
  console.log(
    `- whole import (convert, upload, ingest)${heap}: ${whole.seconds.toFixed(1)} s, ${Math.round(count / whole.seconds)} principals/s`,
  );
  console.log(
    `- peak RSS: importer ${whole.importerMb} MB, inventory ${whole.inventoryMb} MB (target < 400 MB each); the inventory at rest before the import: ${whole.inventoryRestMb} MB`,
  );
  console.log(`\n${whole.report.trim()}`);
}

runBench(main);
