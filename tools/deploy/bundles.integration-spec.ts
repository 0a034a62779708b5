import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { dropDatabase } from '@nhi/persistence';
import { freePort, KafkaTestClient, testDatabaseServerUrl, testKafkaBrokers } from '@nhi/testing';
import { WORKSPACE_ROOT } from '../dev-paths';
import {
  bareEnvironment,
  copyBundle,
  externalRequires,
  Finished,
  healthOf,
  npmInstall,
  removeDir,
  run,
  startBundle,
  StartedBundle,
  unresolvedRequires,
} from './bundle-harness';
import { BUNDLED_APP_NAMES as BUNDLED_APPS, BundledApp } from './bundled-apps';

/**
 * Each app's bundle as a deployment gets it: `nx build`, the folder copied
 * where nothing of the repository is reachable, `npm install` from its own
 * package.json, configured by its .env.example and the variables that make
 * this run its own, migrated by its own command, started with `node main.js`
 * in production mode. ADR 0029.
 */
const SUBGRAPHS: readonly BundledApp[] = ['inventory', 'ownership', 'lifecycle', 'exceptions', 'metrics'];
// print-sdl's lazy require, reached only by the `sdl` command run from the repository, never by a service.
const DEVELOPMENT_ONLY = ['@nestjs/testing'];
// The seven installs from a warm cache on the two-core machine took 209 s one at a time, 101 s two at a time,
// 79 s four at a time and 124 s all seven at once (tools/deploy, ADR 0029): an install waits on files as much as on the CPU.
const INSTALLS_AT_ONCE = 4;

interface Deployment {
  dir: string;
  install?: Finished;
  migration?: Finished;
  bundle?: StartedBundle;
  health?: unknown;
  /** Why the deployment stopped short, for the tests of this app to show. */
  failure?: string;
}

const runId = randomBytes(4).toString('hex');
const topicPrefix = `test.bundles.${runId}.`;
const signingKey = randomBytes(32).toString('base64url');
const deployments = new Map<BundledApp, Deployment>();
const databases: string[] = [];
const figures: string[] = [];

async function timed<T>(what: string, work: () => Promise<T>): Promise<T> {
  const began = Date.now();
  try {
    return await work();
  } finally {
    figures.push(`${what}: ${((Date.now() - began) / 1000).toFixed(1)} s`);
  }
}

/** The .env.example the bundle ships, read as an env file is: every NAME=value line, empty values included. */
function envExample(app: BundledApp): Record<string, string> {
  const lines = readFileSync(path.join(deployment(app).dir, '.env.example'), 'utf8').split('\n');
  return Object.fromEntries(
    lines
      .filter((line) => /^[A-Z][A-Z0-9_]*=/.test(line))
      .map((line) => [line.slice(0, line.indexOf('=')), line.slice(line.indexOf('=') + 1)]),
  );
}

function databaseUrl(app: BundledApp): string {
  const url = new URL(testDatabaseServerUrl());
  url.pathname = `/nhi_test_bundle_${app}_${runId}`;
  databases.push(url.toString());
  return url.toString();
}

/** Production settings from the .env.example, then what makes this run its own: port, database, topics, group. */
async function environmentOf(app: BundledApp): Promise<Record<string, string>> {
  return {
    ...envExample(app),
    NODE_ENV: 'production',
    HOST: '127.0.0.1',
    PORT: String(await freePort()),
    LOG_LEVEL: 'warn',
    KAFKA_BROKERS: testKafkaBrokers().join(','),
    KAFKA_TOPIC_PREFIX: topicPrefix,
    KAFKA_GROUP_ID: `test-bundles-${runId}-${app}`,
    KAFKA_TOPIC_PARTITIONS: '1',
    ACTOR_SIGNING_KEY: signingKey,
    // Production requires an https JWKS; keys are fetched at the first bearer token, which this run never sends.
    JWT_JWKS_URL: 'https://127.0.0.1:9/.well-known/jwks.json',
    ...(SUBGRAPHS.includes(app) ? { DATABASE_URL: databaseUrl(app), DATABASE_MIGRATIONS: 'skip' } : {}),
  };
}

/** At most INSTALLS_AT_ONCE installs run together; the rest of each deployment overlaps with the others'. */
let freeInstallSlots = INSTALLS_AT_ONCE;
const waitingForSlot: Array<() => void> = [];
async function install(app: BundledApp, dir: string): Promise<Finished> {
  if (freeInstallSlots > 0) freeInstallSlots--;
  else await new Promise<void>((resolve) => waitingForSlot.push(resolve));
  try {
    return await timed(`npm install ${app}`, () => npmInstall(dir));
  } finally {
    const next = waitingForSlot.shift();
    if (next) next();
    else freeInstallSlots++;
  }
}

async function deploy(app: BundledApp, ready: Map<BundledApp, Promise<void>>): Promise<void> {
  const deployment = deployments.get(app)!;
  deployment.install = await install(app, deployment.dir);
  if (deployment.install.code !== 0) throw new Error(`npm install failed:\n${deployment.install.output}`);
  const env = await environmentOf(app);
  if (SUBGRAPHS.includes(app)) {
    deployment.migration = await timed(`node migrate.js ${app}`, () =>
      run(process.execPath, ['migrate.js'], deployment.dir, bareEnvironment(env)),
    );
    if (deployment.migration.code !== 0) throw new Error(`migrate.js failed:\n${deployment.migration.output}`);
  }
  if (app === 'gateway') {
    // The gateway's health is its subgraphs': it starts once they answer, pointed at them.
    await Promise.all(SUBGRAPHS.map((subgraph) => ready.get(subgraph)));
    for (const subgraph of SUBGRAPHS) env[`${subgraph.toUpperCase()}_URL`] = `${deployments.get(subgraph)?.bundle?.url}/graphql`;
  }
  deployment.bundle = startBundle(app, deployment.dir, env);
  deployment.health = await timed(`start ${app} until /health answers`, () => healthOf(deployment.bundle!));
}

beforeAll(async () => {
  const build = await timed('build (nx run-many -t build, 7 apps)', () =>
    run(
      'npx',
      ['nx', 'run-many', '-t', 'build', '-p', BUNDLED_APPS.join(','), '--outputStyle=static'],
      WORKSPACE_ROOT,
      process.env as Record<string, string>,
    ),
  );
  if (build.code !== 0) throw new Error(`the build failed:\n${build.output.slice(-3000)}`);
  for (const app of BUNDLED_APPS) deployments.set(app, { dir: copyBundle(WORKSPACE_ROOT, app) });
  const ready = new Map<BundledApp, Promise<void>>();
  for (const app of BUNDLED_APPS) {
    ready.set(
      app,
      deploy(app, ready).catch((error: unknown) => {
        deployments.get(app)!.failure = error instanceof Error ? error.message : String(error);
      }),
    );
  }
  await timed('install, migrate and start all 7 (after the build)', () => Promise.all(ready.values()));
}, 600_000);

afterAll(async () => {
  await Promise.all([...deployments.values()].map((deployment) => deployment.bundle?.stop()));
  await Promise.all(databases.map((url) => dropDatabase(url)));
  const kafka = await KafkaTestClient.connect(testKafkaBrokers());
  await kafka.deleteTopicsWithPrefix(topicPrefix);
  await kafka.disconnect();
  for (const deployment of deployments.values()) removeDir(deployment.dir);
  console.log(`bundle test figures:\n  ${figures.join('\n  ')}`);
}, 120_000);

function deployment(app: BundledApp): Deployment {
  const found = deployments.get(app);
  if (!found) throw new Error(`${app} was not deployed`);
  return found;
}

describe.each(BUNDLED_APPS.map((app) => [app]))('the %s bundle', (app) => {
  it('installs from its own package.json alone', () => {
    const { install } = deployment(app);
    expect({ code: install?.code, output: install?.code === 0 ? '' : install?.output }).toEqual({ code: 0, output: '' });
  });

  it('finds every package it requires among those it installed, nothing of the repository among them', async () => {
    const { dir } = deployment(app);
    const entries = SUBGRAPHS.includes(app) ? ['main.js', 'migrate.js'] : ['main.js'];
    // Every app talks to Kafka: the scan reads the bundle's requires, not an empty list.
    expect(externalRequires(path.join(dir, 'main.js'))).toContain('kafkajs');
    const unresolved = await Promise.all(
      entries.map(async (entry) => (await unresolvedRequires(dir, entry)).map((name) => `${entry} requires ${name}`)),
    );
    expect(unresolved.flat().filter((line) => !DEVELOPMENT_ONLY.some((name) => line.endsWith(` ${name}`)))).toEqual([]);
    const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };
    expect(Object.keys(manifest.dependencies).filter((name) => /^(@nhi\/|@swc|tsconfig-paths)/.test(name))).toEqual([]);
  });

  it('starts in production mode with its environment alone and answers /health', () => {
    const { failure, health, bundle } = deployment(app);
    expect(failure).toBeUndefined();
    expect(health).toMatchObject({ status: 'ok' });
    expect(bundle?.process.exitCode).toBeNull();
  });
});

describe.each(SUBGRAPHS.map((app) => [app]))('the %s service from its bundle', (app) => {
  it('creates and migrates its database with `node migrate.js`, so that it starts with DATABASE_MIGRATIONS=skip', () => {
    const { migration } = deployment(app);
    expect(migration?.code).toBe(0);
    const database = `nhi_test_bundle_${app}_${runId}`;
    expect(migration?.output).toContain(`${app}: created database ${database}\n`);
    expect(migration?.output).toMatch(new RegExp(`\\n${app}: applied \\d+ migrations? to ${database}:\\n`));
  });

  it('reports its database and broker up', () => {
    expect(deployment(app).health).toMatchObject({ info: { database: { status: 'up' }, kafka: { status: 'up' } } });
  });
});

describe('the gateway from its bundle', () => {
  it('serves the supergraph it ships and reaches every service bundle', () => {
    expect(deployment('gateway').health).toMatchObject({ details: Object.fromEntries(SUBGRAPHS.map((app) => [app, { status: 'up' }])) });
  });
});
