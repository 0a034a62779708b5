import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { consoleProgress } from '@nhi/launcher';
import { testDatabaseServerUrl } from '@nhi/testing';
import { WORKSPACE_ROOT } from '../../dev-paths';
import { ChaosPlatform } from './chaos-platform';
import { runChecks, waitForSettled, type CheckContext } from './checks';
import { FaultInjector } from './faults';
import { GatewayClient } from './gateway-client';
import { IntegratorNoise } from './integrator-noise';
import { parseOptions, type ChaosOptions } from './options';
import { Random } from './random';
import { checkTable, faultTable, markdownReport, noiseLine, type ChaosSummary } from './report';
import { planFaults } from './schedule';
import { Workload, type WorkloadSize } from './workload';

const SHORT: WorkloadSize = {
  identities: 1_200,
  waves: 3,
  updateShare: 0.2,
  rotations: 100,
  revocations: 25,
  exceptions: 8,
  attestations: 10,
};
const LONG: WorkloadSize = {
  identities: 50_000,
  waves: 10,
  updateShare: 0.1,
  rotations: 2_000,
  revocations: 500,
  exceptions: 100,
  attestations: 100,
};
const SETTLE_TIMEOUT_MS = 10 * 60_000;
const SERVICES = ['inventory', 'ownership', 'lifecycle', 'exceptions', 'metrics', 'reference-integrator'];
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const progress = consoleProgress;
const elapsed = (since: number) => `${((Date.now() - since) / 1000).toFixed(0)} s`;

/** The run's own platform: ports clear of `npm start` (4000..4006) and the e2e suites, its own broker. */
function chaosPlatform(runId: string): ChaosPlatform {
  return new ChaosPlatform({
    root: WORKSPACE_ROOT,
    runId,
    ports: { base: 4700, broker: 19092, controller: 19093, database: 15432, spare: 4720 },
    databaseServerUrl: testDatabaseServerUrl(),
    serviceEnv: {
      OUTBOX_POLL_INTERVAL_MS: '100',
      // Failed and timed-out attempts are retried within the run, so every request can end.
      ROTATION_RETRY_BASE_MS: '2000',
      DEADLINE_CHECK_INTERVAL_MS: '5000',
      SHUTDOWN_TIMEOUT_MS: '10000',
    },
    integratorEnv: { INTEGRATOR_FAILURE_RATE: '0.05', INTEGRATOR_LATENCY_MS: '100', INTEGRATOR_LATENCY_JITTER_MS: '300' },
    progress,
  });
}

/** The workload, with the seeded faults injected one after another while it runs and the integrator noise beside them. */
async function workUnderFaults(options: ChaosOptions, workload: Workload, faults: FaultInjector, random: Random): Promise<void> {
  const durationMs = options.short ? 60_000 : options.minutes * 60_000;
  const started = Date.now();
  let working = true;
  const work = workload.run(durationMs).finally(() => (working = false));
  const noiseRounds = (async () => {
    while (working) {
      await sleep(options.short ? 8_000 : 20_000);
      await faults.inject('results-noise');
    }
  })();
  // Replicas join in the background, while the other faults go on; one of them leaves at the end.
  let joining: Promise<void> = Promise.resolve();
  for (const planned of planFaults(random, options.short)) {
    await sleep(Math.max(0, started + planned.at * durationMs - Date.now()));
    if (planned.kind === 'replicas') {
      joining = faults.inject('replicas');
      // Awaited before a replica is stopped; a failure to join fails the run there, not as an unhandled rejection now.
      joining.catch(() => undefined);
    } else if (planned.kind === 'stop-replica') await joining.then(() => faults.stopOneReplica());
    else await faults.inject(planned.kind, planned.target);
  }
  await work;
  await noiseRounds;
  progress(`workload   done in ${elapsed(started)}; waiting for the platform to settle`);
}

function checkContext(chaos: ChaosPlatform, noise: IntegratorNoise, workload: Workload): CheckContext {
  return {
    databaseUrl: (service) => chaos.databaseUrl(service),
    brokers: chaos.brokers,
    topicPrefix: chaos.topicPrefix,
    groupIds: SERVICES.map((name) => chaos.groupId(name)),
    metricsEnv: chaos.platform.environmentOf('metrics'),
    root: WORKSPACE_ROOT,
    logDir: chaos.logDir,
    rebuildPort: chaos.takeSparePort(),
    poison: noise.counts.poison,
    ingestedExternalIds: workload.ledger.externalIds,
    rotationRequestIds: workload.ledger.rotationRequestIds,
    revocationRequestIds: workload.ledger.revocationRequestIds,
    redeliveredResults: noise.redelivered,
    progress,
  };
}

/** Starts the platform, runs the workload under faults, lets it settle and checks it from the outside. */
async function run(options: ChaosOptions, chaos: ChaosPlatform, noise: IntegratorNoise, began: number): Promise<ChaosSummary> {
  const random = new Random(options.seed);
  await chaos.start();
  progress(`platform   up in ${elapsed(began)} at ${chaos.gatewayUrl}`);
  await noise.start();
  const tokens = {
    admin: await chaos.token('chaos-admin', ['security-admin']),
    approver: await chaos.token('chaos-approver', ['security-admin']),
  };
  const size = options.short ? SHORT : LONG;
  const workload = new Workload(new GatewayClient(chaos.gatewayUrl), tokens, size, random, chaos.options.runId, progress);
  const faults = new FaultInjector(chaos, noise, random, progress, options.short ? [20_000, 20_000] : [20_000, 30_000]);
  await workUnderFaults(options, workload, faults, random);
  const context = checkContext(chaos, noise, workload);
  const settled = await waitForSettled(context, SETTLE_TIMEOUT_MS);
  // Once every request has ended: results answered a minute ago arrive again, late, and first attempts' after their retries'.
  await faults.inject('results-noise');
  const again = await waitForSettled(context, SETTLE_TIMEOUT_MS);
  progress(`settled    in ${((settled.ms + again.ms) / 1000).toFixed(1)} s; checking`);
  const checks = await runChecks({ ...context, redeliveredResults: noise.redelivered });
  for (const error of workload.ledger.errors.slice(0, 5)) progress(`  workload: ${error}`);
  const { ledger } = workload;
  return {
    command: commandOf(options),
    seed: options.seed,
    minutes: options.minutes,
    startedAt: new Date(began).toISOString(),
    wallSeconds: Math.round((Date.now() - began) / 1000),
    settleSeconds: Math.round((settled.ms + again.ms) / 1000),
    faults: faults.records,
    noise: noise.counts,
    checks,
    workload: {
      identities: ledger.externalIds.length,
      rotations: ledger.rotationRequestIds.length,
      revocations: ledger.revocationRequestIds.length,
      exceptions: ledger.exceptionIds.length,
      mutations: ledger.mutations,
    },
  };
}

function commandOf(options: ChaosOptions): string {
  return `npm run chaos -- ${options.short ? '--short' : `--minutes ${options.minutes}`} --seed ${options.seed}`;
}

/** Prints the tables, writes the report when asked, and says whether the run passed. */
function conclude(summary: ChaosSummary, options: ChaosOptions): boolean {
  const lost = summary.checks.reduce((sum, check) => sum + check.lost, 0);
  const doubled = summary.checks.reduce((sum, check) => sum + check.doubled, 0);
  const passed = summary.checks.every((check) => check.ok) && lost === 0 && doubled === 0;
  progress(['', faultTable(summary), '', noiseLine(summary.noise), '', checkTable(summary.checks)].join('\n'));
  if (options.report) {
    writeFileSync(path.resolve(WORKSPACE_ROOT, options.report), markdownReport(summary));
    progress(`\nreport     written to ${options.report}`);
  }
  progress(`\nchaos      ${passed ? 'PASSED' : 'FAILED'}: ${lost} events lost, ${doubled} applied twice, in ${summary.wallSeconds} s`);
  return passed;
}

async function main(): Promise<number> {
  const options = parseOptions(process.argv.slice(2));
  const began = Date.now();
  const runId = randomBytes(3).toString('hex');
  progress(`chaos      run ${runId}: ${commandOf(options)}`);
  const chaos = chaosPlatform(runId);
  const noise = new IntegratorNoise(chaos.brokers, chaos.topicPrefix, `chaos-noise-${runId}`, new Random(options.seed + 1));
  let passed = false;
  process.once('exit', () => chaos.killEverythingNow());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      progress(`\n${signal}: stopping the run's platform and broker`);
      void chaos.stop(false).finally(() => process.exit(130));
    });
  }
  try {
    passed = conclude(await run(options, chaos, noise, began), options);
  } finally {
    await noise.stop();
    // A failed run keeps its databases, logs and broker data for a look (--keep keeps a passed one's too).
    await chaos.stop(passed && !options.keep);
    if (!passed || options.keep) progress(`kept       databases ${chaos.databasePrefix}*, logs and broker data in ${chaos.dataDir}`);
  }
  return passed ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(`chaos: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exit(1);
  },
);
