import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { loadOrCreateDevKeys, mintDevToken, type Role } from '@nhi/auth';
import {
  registerReferenceIntegrator,
  RunningPlatform,
  ServiceProcess,
  silentProgress,
  startPlatform,
  stopProcess,
  SUBGRAPH_NAMES,
  waitHealthy,
} from '@nhi/launcher';
import { postgresConnection } from '@nhi/persistence';
import { ChaosBroker } from './chaos-broker';
import { TcpProxy } from './tcp-proxy';

export type ServiceName = (typeof SUBGRAPH_NAMES)[number];

export interface ChaosPorts {
  /** The gateway; the subgraphs and the integrator take the next six. */
  base: number;
  broker: number;
  controller: number;
  /** The PostgreSQL proxy the services connect through. */
  database: number;
  /** Replicas and the rebuild take ports from here. */
  spare: number;
}

export interface ChaosPlatformOptions {
  root: string;
  runId: string;
  ports: ChaosPorts;
  /** The real server, reached directly by the checks and the faults (never through the proxy). */
  databaseServerUrl: string;
  serviceEnv: Record<string, string>;
  integratorEnv: Record<string, string>;
  progress(line: string): void;
}

/**
 * The whole platform for one chaos run: its own broker, its own databases
 * (reached by the services through a proxy that can be cut), its own topic
 * prefix and ports, and the handles to kill, restart and replicate services.
 */
export class ChaosPlatform {
  readonly databasePrefix: string;
  readonly topicPrefix: string;
  readonly groupSuffix: string;
  readonly dataDir: string;
  readonly logDir: string;
  private devKeys: { privateKeyPem: string } | undefined;
  private running: RunningPlatform | undefined;
  private readonly replicas: ServiceProcess[] = [];
  private nextSparePort: number;
  readonly broker: ChaosBroker;
  readonly proxy: TcpProxy;

  constructor(readonly options: ChaosPlatformOptions) {
    const { root, runId, ports } = options;
    this.databasePrefix = `nhi_chaos_${runId}_`;
    this.topicPrefix = `chaos.${runId}.`;
    this.groupSuffix = `-chaos-${runId}`;
    this.dataDir = path.join(root, '.data/chaos', runId);
    this.logDir = path.join(this.dataDir, 'logs');
    this.broker = new ChaosBroker(root, path.join(this.dataDir, 'kafka'), ports.broker, ports.controller, options.progress);
    const server = new URL(options.databaseServerUrl);
    this.proxy = new TcpProxy({ host: server.hostname, port: Number(server.port || 5432) }, ports.database);
    this.nextSparePort = ports.spare;
  }

  get platform(): RunningPlatform {
    if (!this.running) throw new Error('the chaos platform is not started');
    return this.running;
  }

  get gatewayUrl(): string {
    return this.platform.gatewayUrl;
  }

  get brokers(): string[] {
    return [this.broker.address];
  }

  groupId(name: string): string {
    return name === 'reference-integrator' ? `reference-integrator${this.groupSuffix}` : `nhi-${name}${this.groupSuffix}`;
  }

  /** A service's database on the real server (the checks and faults bypass the proxy). */
  databaseUrl(service: ServiceName): string {
    const url = new URL(this.options.databaseServerUrl);
    url.pathname = `/${this.databasePrefix}${service}`;
    return url.toString();
  }

  async start(): Promise<void> {
    const { options } = this;
    this.broker.prepare();
    options.progress(`kafka      starting the run's own broker on ${this.broker.address}`);
    await this.broker.start();
    await this.proxy.start();
    const proxied = new URL(options.databaseServerUrl);
    proxied.port = String(this.proxy.port);
    const keysDir = path.join(this.dataDir, 'keys');
    this.devKeys = loadOrCreateDevKeys(keysDir);
    options.progress(`services   starting the platform on ${options.ports.base}..${options.ports.base + 6} (logs in ${this.logDir})`);
    this.running = await startPlatform({
      root: options.root,
      basePort: options.ports.base,
      databaseServerUrl: proxied.toString(),
      databasePrefix: this.databasePrefix,
      kafkaBrokers: this.broker.address,
      topicPrefix: this.topicPrefix,
      groupSuffix: this.groupSuffix,
      actorSigningKey: randomBytes(32).toString('base64url'),
      devKeysDir: keysDir,
      logDir: this.logDir,
      logLevel: 'info',
      progress: silentProgress,
      extraEnv: options.serviceEnv,
      integratorEnv: options.integratorEnv,
    });
    await registerReferenceIntegrator(this.gatewayUrl, await this.token('chaos-setup', ['security-admin']));
  }

  token(sub: string, roles: Role[]): Promise<string> {
    if (!this.devKeys) throw new Error('the chaos platform is not started');
    return mintDevToken(this.devKeys.privateKeyPem, { sub, roles, issuer: 'nhi-dev', audience: 'nhi-platform', ttlSeconds: 6 * 3600 });
  }

  /** SIGKILL (no goodbye, mid-batch) or SIGTERM (a graceful stop); resolves when the process is gone. */
  async kill(name: string, signal: 'SIGKILL' | 'SIGTERM'): Promise<void> {
    const service = this.platform.current(name);
    if (service.process.exitCode !== null || service.process.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => service.process.once('exit', () => resolve()));
    service.process.kill(signal);
    await exited;
  }

  /** Starts a killed service again on its port; resolves when it is healthy. */
  async restart(name: string, timeoutMs = 120_000): Promise<number> {
    const service = this.platform.respawn(name);
    return waitHealthy(service, timeoutMs);
  }

  /** One more instance of a service, in the same consumer group, on a spare port. */
  async addReplica(name: string, timeoutMs = 120_000): Promise<ServiceProcess> {
    const replica = this.platform.replica(name, this.nextSparePort);
    this.nextSparePort += 1;
    this.replicas.push(replica);
    await waitHealthy(replica, timeoutMs);
    return replica;
  }

  takeSparePort(): number {
    this.nextSparePort += 1;
    return this.nextSparePort - 1;
  }

  async stopReplica(replica: ServiceProcess): Promise<void> {
    await stopProcess(replica.process);
  }

  /** The last resort when the run itself dies: no service process may outlive it (the broker is stopped by stop()). */
  killEverythingNow(): void {
    for (const service of this.running?.services ?? []) {
      if (service.process.exitCode === null && service.process.signalCode === null) service.process.kill('SIGKILL');
    }
  }

  /** Stops every process, the proxy and the broker; with `remove`, drops the run's databases and data too. */
  async stop(remove: boolean): Promise<void> {
    await this.running?.stop().catch(() => undefined);
    await this.proxy.stop().catch(() => undefined);
    await this.broker.stop().catch((error: unknown) => this.options.progress(`kafka: ${String(error)}`));
    if (!remove) return;
    const client = new Client(postgresConnection(this.options.databaseServerUrl));
    await client.connect();
    try {
      const { rows } = await client.query<{ datname: string }>(`SELECT datname FROM pg_database WHERE datname LIKE $1`, [
        `${this.databasePrefix}%`,
      ]);
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS "${datname}" WITH (FORCE)`);
    } finally {
      await client.end();
    }
    rmSync(this.dataDir, { recursive: true, force: true });
  }
}
