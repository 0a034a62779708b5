import path from 'node:path';
import { isPortOpen } from './ports';
import type { Progress } from './progress';
import { ServiceProcess, spawnService, waitHealthy } from './service-process';

export const SUBGRAPH_NAMES = ['inventory', 'ownership', 'lifecycle', 'exceptions', 'metrics'] as const;

export interface PlatformOptions {
  root: string;
  /** Gateway port; subgraphs take the next five. */
  basePort: number;
  /** Any database URL on the server; each service gets its own database on it. */
  databaseServerUrl: string;
  /** Service databases are named <databasePrefix><service>, e.g. nhi_inventory. */
  databasePrefix: string;
  kafkaBrokers: string;
  topicPrefix: string;
  /** Consumer groups are nhi-<service><groupSuffix>. */
  groupSuffix: string;
  actorSigningKey: string;
  devKeysDir: string;
  logDir: string;
  logLevel: string;
  progress: Progress;
  startTimeoutMs?: number;
  /** More variables for every service, e.g. faster outbox polling in tests. */
  extraEnv?: Record<string, string>;
  /** Variables for the reference integrator (apps/reference-integrator), e.g. INTEGRATOR_LATENCY_MS. */
  integratorEnv?: Record<string, string>;
  /** Node options for every service process, e.g. --cpu-prof for a benchmark. */
  nodeArgs?: string[];
}

export interface RunningPlatform {
  gatewayUrl: string;
  /** Every process started so far, replicas and restarts included (stopped ones stay listed). */
  services: ServiceProcess[];
  /** The running process of a service (its first instance), after restarts. */
  current(name: string): ServiceProcess;
  /** Starts a service again with the environment and port it had: after it died or was killed. */
  respawn(name: string): ServiceProcess;
  /** Starts one more instance of a service (same database, group and topics) on another port. */
  replica(name: string, port: number): ServiceProcess;
  /** The variables a service was started with (the shared ones and its own). */
  environmentOf(name: string): Record<string, string>;
  stop(): Promise<void>;
}

async function assertPortsFree(first: number, count: number): Promise<void> {
  const ports = Array.from({ length: count }, (_, i) => first + i);
  const busy = (await Promise.all(ports.map(async (port) => ((await isPortOpen('127.0.0.1', port)) ? port : null)))).filter(
    (port): port is number => port !== null,
  );
  if (busy.length > 0) {
    throw new Error(
      `port${busy.length > 1 ? 's' : ''} ${busy.join(', ')} already in use on 127.0.0.1: is another platform running? ` +
        `Stop it, or choose other ports with GATEWAY_PORT (the subgraphs take the next five).`,
    );
  }
}

function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

/** One start of the platform: what every service shares, and what was started so far. */
interface Launch {
  options: PlatformOptions;
  env: Record<string, string>;
  timeoutMs: number;
  /** Stopped again, in reverse, when a later step fails. */
  started: ServiceProcess[];
  /** How each service was started, so that it can be started again the same way. */
  specs: Map<string, { port: number; env: Record<string, string> }>;
  current: Map<string, ServiceProcess>;
}

function sharedEnv(options: PlatformOptions): Record<string, string> {
  return {
    NODE_ENV: 'development',
    LOG_LEVEL: options.logLevel,
    KAFKA_BROKERS: options.kafkaBrokers,
    KAFKA_TOPIC_PREFIX: options.topicPrefix,
    ACTOR_SIGNING_KEY: options.actorSigningKey,
    // Inventory and metrics verify bearer tokens on their REST endpoints with the same key as the gateway.
    DEV_KEYS_DIR: options.devKeysDir,
    KAFKAJS_NO_PARTITIONER_WARNING: '1',
    ...options.extraEnv,
  };
}

function spawnTracked(launch: Launch, name: string, port: number, env: Record<string, string>, logName = name): ServiceProcess {
  const { root, logDir, nodeArgs } = launch.options;
  // A restart's log goes on after the earlier one's.
  const again = launch.specs.has(name) && logName === name;
  const service = spawnService({ root, name, port, logDir, env: { ...launch.env, ...env }, nodeArgs, logName, append: again });
  launch.started.push(service);
  if (logName === name) {
    launch.specs.set(name, { port, env });
    launch.current.set(name, service);
  }
  return service;
}

function specOf(launch: Launch, name: string): { port: number; env: Record<string, string> } {
  const spec = launch.specs.get(name);
  if (!spec) throw new Error(`no service named ${name} in this platform`);
  return spec;
}

/** The same service again on its port, or, given another port, a replica (logging to a file of its own). */
function respawn(launch: Launch, name: string, port?: number): ServiceProcess {
  const spec = specOf(launch, name);
  if (port === undefined) return spawnTracked(launch, name, spec.port, spec.env, name);
  const replicas = launch.started.filter((s) => s.name === name).length;
  return spawnTracked(launch, name, port, spec.env, `${name}.${replicas + 1}`);
}

function healthy(service: ServiceProcess, ms: number): string {
  return `  ✓ ${service.name.padEnd(11)} ${service.baseUrl}/graphql  healthy in ${(ms / 1000).toFixed(1)}s`;
}

async function startSubgraphs(launch: Launch): Promise<ServiceProcess[]> {
  const { options } = launch;
  const subgraphs = SUBGRAPH_NAMES.map((name, index) =>
    spawnTracked(launch, name, options.basePort + index + 1, {
      DATABASE_URL: databaseUrl(options.databaseServerUrl, `${options.databasePrefix}${name}`),
      KAFKA_GROUP_ID: `nhi-${name}${options.groupSuffix}`,
      KAFKA_CLIENT_ID: `nhi-${name}`,
    }),
  );
  options.progress(
    `services   starting ${subgraphs.map((s) => s.name).join(', ')} (logs in ${path.relative(options.root, options.logDir)}/)`,
  );
  await Promise.all(
    subgraphs.map(async (service) => {
      options.progress(healthy(service, await waitHealthy(service, launch.timeoutMs)));
    }),
  );
  return subgraphs;
}

/** The simulated secret manager's connector answers rotation and revocation requests for the demo provider. */
async function startIntegrator(launch: Launch): Promise<void> {
  const { options } = launch;
  const integrator = spawnTracked(launch, 'reference-integrator', options.basePort + SUBGRAPH_NAMES.length + 1, {
    KAFKA_GROUP_ID: `reference-integrator${options.groupSuffix}`,
    ...options.integratorEnv,
  });
  await waitHealthy(integrator, launch.timeoutMs);
  options.progress(`  ✓ ${'integrator'.padEnd(11)} answering rotation and revocation requests for the demo provider`);
}

async function startGateway(launch: Launch, subgraphs: readonly ServiceProcess[]): Promise<ServiceProcess> {
  const gateway = spawnTracked(
    launch,
    'gateway',
    launch.options.basePort,
    Object.fromEntries(subgraphs.map((s) => [`${s.name.toUpperCase()}_URL`, `${s.baseUrl}/graphql`])),
  );
  launch.options.progress(healthy(gateway, await waitHealthy(gateway, launch.timeoutMs)));
  return gateway;
}

/**
 * Starts the five subgraphs as separate processes, waits until each is
 * healthy, then the gateway in front of them. On any failure everything
 * started so far is stopped again.
 */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const launch: Launch = {
    options,
    env: sharedEnv(options),
    timeoutMs: options.startTimeoutMs ?? 180_000,
    started: [],
    specs: new Map(),
    current: new Map(),
  };
  const stop = async () => {
    await Promise.all([...launch.started].reverse().map((service) => service.stop()));
  };
  // The gateway, the five subgraphs, and the reference integrator after them.
  await assertPortsFree(options.basePort, SUBGRAPH_NAMES.length + 2);
  try {
    const subgraphs = await startSubgraphs(launch);
    await startIntegrator(launch);
    const gateway = await startGateway(launch, subgraphs);
    return {
      gatewayUrl: `${gateway.baseUrl}/graphql`,
      services: launch.started,
      current: (name) => {
        const service = launch.current.get(name);
        if (!service) throw new Error(`no service named ${name} in this platform`);
        return service;
      },
      respawn: (name) => respawn(launch, name),
      replica: (name, port) => respawn(launch, name, port),
      environmentOf: (name) => ({ ...launch.env, ...specOf(launch, name).env }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
