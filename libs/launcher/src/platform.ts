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
  services: ServiceProcess[];
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

/**
 * Starts the five subgraphs as separate processes, waits until each is
 * healthy, then the gateway in front of them. On any failure everything
 * started so far is stopped again.
 */
export async function startPlatform(options: PlatformOptions): Promise<RunningPlatform> {
  const started: ServiceProcess[] = [];
  const stop = async () => {
    await Promise.all([...started].reverse().map((service) => service.stop()));
  };
  const timeout = options.startTimeoutMs ?? 180_000;
  const common = {
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
  // The gateway, the five subgraphs, and the reference integrator after them.
  await assertPortsFree(options.basePort, SUBGRAPH_NAMES.length + 2);
  try {
    const subgraphs = SUBGRAPH_NAMES.map((name, index) =>
      spawnService({
        root: options.root,
        name,
        port: options.basePort + index + 1,
        logDir: options.logDir,
        env: {
          ...common,
          DATABASE_URL: databaseUrl(options.databaseServerUrl, `${options.databasePrefix}${name}`),
          KAFKA_GROUP_ID: `nhi-${name}${options.groupSuffix}`,
          KAFKA_CLIENT_ID: `nhi-${name}`,
        },
        nodeArgs: options.nodeArgs,
      }),
    );
    started.push(...subgraphs);
    options.progress(
      `services   starting ${subgraphs.map((s) => s.name).join(', ')} (logs in ${path.relative(options.root, options.logDir)}/)`,
    );
    await Promise.all(
      subgraphs.map(async (service) => {
        const ms = await waitHealthy(service, timeout);
        options.progress(`  ✓ ${service.name.padEnd(11)} ${service.baseUrl}/graphql  healthy in ${(ms / 1000).toFixed(1)}s`);
      }),
    );

    // The simulated secret manager's connector answers rotation and revocation requests for the demo provider.
    const integrator = spawnService({
      root: options.root,
      name: 'reference-integrator',
      port: options.basePort + SUBGRAPH_NAMES.length + 1,
      logDir: options.logDir,
      env: { ...common, KAFKA_GROUP_ID: `reference-integrator${options.groupSuffix}`, ...options.integratorEnv },
      nodeArgs: options.nodeArgs,
    });
    started.push(integrator);
    await waitHealthy(integrator, timeout);
    options.progress(`  ✓ ${'integrator'.padEnd(11)} answering rotation and revocation requests for the demo provider`);

    const gateway = spawnService({
      root: options.root,
      name: 'gateway',
      port: options.basePort,
      logDir: options.logDir,
      env: {
        ...common,
        ...Object.fromEntries(subgraphs.map((s) => [`${s.name.toUpperCase()}_URL`, `${s.baseUrl}/graphql`])),
      },
      nodeArgs: options.nodeArgs,
    });
    started.push(gateway);
    const ms = await waitHealthy(gateway, timeout);
    options.progress(`  ✓ ${'gateway'.padEnd(11)} ${gateway.baseUrl}/graphql  healthy in ${(ms / 1000).toFixed(1)}s`);
    return { gatewayUrl: `${gateway.baseUrl}/graphql`, services: started, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
