import { Client } from 'pg';
import type { ServiceProcess } from '@nhi/launcher';
import { postgresConnection } from '@nhi/persistence';
import type { ChaosPlatform, ServiceName } from './chaos-platform';
import type { IntegratorNoise } from './integrator-noise';
import type { Random } from './random';

export type FaultKind =
  'kill' | 'broker-stop' | 'db-connections-terminated' | 'db-unreachable' | 'results-noise' | 'poison' | 'replicas' | 'gateway-restart';

export interface FaultRecord {
  kind: FaultKind;
  /** What exactly: the service killed, how long the broker was down. */
  detail: string;
  at: number;
  /** From the end of the fault until every process answered /health again (or the fault's own measure). */
  recoveryMs: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
export const KILLABLE = ['inventory', 'ownership', 'lifecycle', 'exceptions', 'metrics', 'reference-integrator'] as const;

/** Polls every live process's /health until all answer 200; returns how long that took. */
export async function waitAllHealthy(processes: readonly ServiceProcess[], timeoutMs = 180_000): Promise<number> {
  const began = Date.now();
  for (;;) {
    const live = processes.filter((p) => p.process.exitCode === null && p.process.signalCode === null);
    const answers = await Promise.all(
      live.map((p) =>
        fetch(`${p.baseUrl}/health`, { signal: AbortSignal.timeout(3_000) })
          .then((r) => r.ok)
          .catch(() => false),
      ),
    );
    if (answers.every(Boolean)) return Date.now() - began;
    if (Date.now() - began > timeoutMs) {
      const down = live.filter((_, i) => !answers[i]).map((p) => p.name);
      throw new Error(`not healthy ${timeoutMs / 1000}s after a fault: ${down.join(', ')}`);
    }
    await sleep(250);
  }
}

/** Injects the faults of a chaos run, one at a time, each measured until the platform answers again. */
export class FaultInjector {
  readonly records: FaultRecord[] = [];
  private replicas: ServiceProcess[] = [];

  constructor(
    private readonly chaos: ChaosPlatform,
    private readonly noise: IntegratorNoise,
    private readonly random: Random,
    private readonly progress: (line: string) => void,
    /** How long the broker stays down: the short form takes the least the issue allows. */
    private readonly brokerDownMs: readonly [number, number] = [20_000, 30_000],
  ) {}

  private live(): ServiceProcess[] {
    return this.chaos.platform.services;
  }

  private async settle(kind: FaultKind, detail: string, at: number): Promise<void> {
    const recoveryMs = await waitAllHealthy(this.live());
    this.records.push({ kind, detail, at, recoveryMs });
    this.progress(`  fault      ${kind} (${detail}): healthy again in ${(recoveryMs / 1000).toFixed(1)} s`);
  }

  async inject(kind: FaultKind, target?: string): Promise<void> {
    const at = Date.now();
    switch (kind) {
      case 'kill': {
        const name = target ?? this.random.pick(KILLABLE);
        // Mid-batch: the workload keeps every service busy, and SIGKILL gives no chance to finish anything.
        await this.chaos.kill(name, 'SIGKILL');
        const down = this.random.between(2_000, 5_000);
        await sleep(down);
        const began = Date.now();
        await this.chaos.restart(name);
        this.records.push({ kind, detail: `${name}, down ${(down / 1000).toFixed(1)} s`, at, recoveryMs: Date.now() - began });
        this.progress(`  fault      kill -9 ${name}: restarted and healthy in ${((Date.now() - began) / 1000).toFixed(1)} s`);
        return;
      }
      case 'broker-stop': {
        await this.chaos.broker.stop();
        const down = this.random.between(...this.brokerDownMs);
        await sleep(down);
        await this.chaos.broker.start();
        return this.settle(kind, `down ${(down / 1000).toFixed(1)} s`, at);
      }
      case 'db-connections-terminated': {
        const name = (target ?? this.random.pick(['inventory', 'ownership', 'lifecycle', 'exceptions', 'metrics'])) as ServiceName;
        const count = await this.terminateConnections(name);
        return this.settle(kind, `${count} connections of ${name}`, at);
      }
      case 'db-unreachable': {
        this.chaos.proxy.cut(10_000);
        await sleep(10_000);
        return this.settle(kind, 'every service, 10 s', at);
      }
      case 'poison': {
        await this.noise.poison(200);
        this.records.push({ kind, detail: '200 on the results topics', at, recoveryMs: 0 });
        this.progress('  fault      200 poison messages on the integrator results topics');
        return;
      }
      case 'results-noise': {
        await this.noise.redeliver(this.random.between(5, 15));
        this.records.push({ kind, detail: 'twice, as new events, out of order, late, unknown', at, recoveryMs: 0 });
        return;
      }
      case 'replicas': {
        const names = ['lifecycle', 'ownership', 'metrics'];
        const began = Date.now();
        this.replicas = await Promise.all(names.map((name) => this.chaos.addReplica(name)));
        this.records.push({ kind, detail: `second ${names.join(', ')} started`, at, recoveryMs: Date.now() - began });
        this.progress(`  fault      second instances of ${names.join(', ')} joined in ${((Date.now() - began) / 1000).toFixed(1)} s`);
        return;
      }
      case 'gateway-restart': {
        await this.chaos.kill('gateway', 'SIGTERM');
        const began = Date.now();
        await this.chaos.restart('gateway');
        this.records.push({ kind, detail: 'SIGTERM, then started again', at, recoveryMs: Date.now() - began });
        this.progress(`  fault      gateway restarted in ${((Date.now() - began) / 1000).toFixed(1)} s`);
        return;
      }
    }
  }

  /** Stops one of the replicas gracefully (SIGTERM): its partitions go back to the first instance. */
  async stopOneReplica(): Promise<void> {
    const replica = this.replicas.length > 0 ? this.random.pick(this.replicas) : undefined;
    if (!replica) return;
    const at = Date.now();
    await this.chaos.stopReplica(replica);
    this.replicas = this.replicas.filter((r) => r !== replica);
    const exitMs = Date.now() - at;
    this.records.push({
      kind: 'replicas',
      detail: `${replica.name} replica stopped (SIGTERM, exit ${replica.process.exitCode})`,
      at,
      recoveryMs: exitMs,
    });
    this.progress(
      `  fault      ${replica.name}'s replica stopped with SIGTERM in ${(exitMs / 1000).toFixed(1)} s (exit code ${replica.process.exitCode})`,
    );
  }

  private async terminateConnections(service: ServiceName): Promise<number> {
    const client = new Client(postgresConnection(this.chaos.databaseUrl(service)));
    await client.connect();
    try {
      const { rows } = await client.query<{ terminated: number }>(
        `SELECT count(pg_terminate_backend(pid))::int AS terminated FROM pg_stat_activity
          WHERE datname = current_database() AND pid <> pg_backend_pid()`,
      );
      return rows[0]?.terminated ?? 0;
    } finally {
      await client.end();
    }
  }
}
