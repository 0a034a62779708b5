import { availableParallelism } from 'node:os';
import type { Client } from 'pg';
import { brokerPid, cpuMs } from './bench-support';

/** What one database's backends were doing while a stage ran, and the CPU they and a service used. */
export interface ActivityReport {
  wallMs: number;
  samples: number;
  /** Share of the backend samples, by what a backend was doing (statements named by the tables they write or read). */
  shares: Array<{ doing: string; share: number }>;
  backendCpuMs: number;
  serviceCpuMs: number;
  /** The local Kafka broker's CPU, when it runs here. */
  brokerCpuMs: number;
}

/**
 * A sampling profile of the database side of a stage: every `everyMs` it
 * reads pg_stat_activity for the database under test and counts what each
 * backend is doing, and it adds up the CPU time of the backends it saw and
 * of the service's process. It needs no extension (pg_stat_statements is
 * not preloaded on a stock server), which is why it samples.
 */
export class DatabaseActivity {
  private readonly counts = new Map<string, number>();
  private readonly backendCpu = new Map<number, { first: number; last: number }>();
  private readonly started = Date.now();
  private readonly serviceCpuAtStart: number;
  private readonly brokerCpuAtStart = cpuMs(brokerPid());
  private samples = 0;
  private stopped = false;
  private readonly loop: Promise<void>;

  private constructor(
    private readonly client: Client,
    private readonly database: string,
    private readonly servicePid: number | undefined,
    private readonly everyMs: number,
  ) {
    this.serviceCpuAtStart = cpuMs(servicePid);
    this.loop = this.run();
  }

  static start(client: Client, database: string, servicePid: number | undefined, everyMs = 200): DatabaseActivity {
    return new DatabaseActivity(client, database, servicePid, everyMs);
  }

  async stop(): Promise<ActivityReport> {
    this.stopped = true;
    await this.loop;
    const total = [...this.counts.values()].reduce((sum, n) => sum + n, 0);
    return {
      wallMs: Date.now() - this.started,
      samples: this.samples,
      shares: [...this.counts].map(([doing, n]) => ({ doing, share: total === 0 ? 0 : n / total })).sort((a, b) => b.share - a.share),
      backendCpuMs: [...this.backendCpu.values()].reduce((sum, { first, last }) => sum + last - first, 0),
      serviceCpuMs: cpuMs(this.servicePid) - this.serviceCpuAtStart,
      brokerCpuMs: cpuMs(brokerPid()) - this.brokerCpuAtStart,
    };
  }

  private async run(): Promise<void> {
    while (!this.stopped) {
      const { rows } = await this.client.query<{ pid: number; state: string | null; wait: string | null; query: string }>(
        `SELECT pid, state, wait_event_type AS wait, left(query, 2000) AS query FROM pg_stat_activity
         WHERE datname = $1 AND pid <> pg_backend_pid() AND backend_type = 'client backend'`,
        [this.database],
      );
      this.samples += 1;
      for (const row of rows) {
        const cpu = cpuMs(row.pid);
        const seen = this.backendCpu.get(row.pid);
        this.backendCpu.set(row.pid, { first: seen?.first ?? cpu, last: cpu });
        if (row.state === 'idle') continue;
        const doing = describe(row.state, row.wait, row.query);
        this.counts.set(doing, (this.counts.get(doing) ?? 0) + 1);
      }
      await new Promise((resolve) => setTimeout(resolve, this.everyMs));
    }
  }
}

/**
 * A statement named by the tables it writes (a CTE chain's inserts), else the
 * first table it reads. pg_stat_activity keeps only the first
 * track_activity_query_size bytes (1 kB by default): a long statement whose
 * writes come later is named by how it begins.
 */
function describe(state: string | null, wait: string | null, query: string): string {
  if (state === 'idle in transaction') return 'in a transaction, waiting for the service';
  const written = [...query.matchAll(/\b(?:INSERT INTO|(?<!DO )UPDATE|DELETE FROM)\s+"?(\w+)/gi)].map((m) => m[1]);
  const read = [...query.matchAll(/\bFROM\s+"?(\w+)/gi)].map((m) => m[1]).find((table) => table !== 'unnest');
  const keyword = /^\s*(\w+)/.exec(query)?.[1]?.toUpperCase() ?? '?';
  const truncated = query.length >= 1000 && written.length === 0;
  const what = truncated
    ? `a long statement beginning "${query.replace(/\s+/g, ' ').trim().slice(0, 40)}"`
    : written.length > 0
      ? `write ${[...new Set(written)].join(' + ')}`
      : read
        ? `read ${read}`
        : ['BEGIN', 'START', 'COMMIT', 'SET', 'ROLLBACK'].includes(keyword)
          ? keyword.toLowerCase()
          : `${keyword.toLowerCase()} (no table)`;
  return wait === 'Lock' ? `${what}, waiting on a lock` : what;
}

/** The report as Markdown tables: CPU of the service and of the database, then what the backends did. */
export function activityTables(report: ActivityReport, service: string, top = 10): string {
  const cores = availableParallelism();
  const ofMachine = (ms: number) => `${((100 * ms) / (report.wallMs * cores)).toFixed(0)}%`;
  const rest = report.wallMs * cores - report.serviceCpuMs - report.backendCpuMs - report.brokerCpuMs;
  const lines = [
    `| CPU during the stage (${(report.wallMs / 1000).toFixed(0)} s on ${cores} cores) | seconds | share of the machine |`,
    '|---|---:|---:|',
    `| ${service} process | ${(report.serviceCpuMs / 1000).toFixed(0)} | ${ofMachine(report.serviceCpuMs)} |`,
    `| PostgreSQL backends of its database | ${(report.backendCpuMs / 1000).toFixed(0)} | ${ofMachine(report.backendCpuMs)} |`,
    `| the Kafka broker | ${(report.brokerCpuMs / 1000).toFixed(0)} | ${ofMachine(report.brokerCpuMs)} |`,
    `| the rest (the OS, PostgreSQL's own processes, the bench, idle) | ${(rest / 1000).toFixed(0)} | ${ofMachine(rest)} |`,
    '',
    `| what a busy backend was doing (${report.samples} samples) | share |`,
    '|---|---:|',
    ...report.shares.slice(0, top).map(({ doing, share }) => `| ${doing} | ${(100 * share).toFixed(1)}% |`),
  ];
  return lines.join('\n');
}
