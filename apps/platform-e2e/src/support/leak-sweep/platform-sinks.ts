import { SUBGRAPH_NAMES } from '@nhi/launcher';
import { testDatabaseServerUrl } from '@nhi/testing';
import type { E2ePlatform } from '../e2e-platform';
import { DatabaseSink } from './database-sink';
import { KafkaSink } from './kafka-sink';
import type { LeakFinding, LeakLedger } from './leak-ledger';
import { LogSink } from './log-sink';

/** The topics where the sweep itself publishes secrets, as an integrator would: doors, not sinks. */
export const INPUT_TOPICS = ['nhi.rotation.results.v1', 'nhi.revocation.results.v1'];

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Everywhere a value could end up: every log file, every table of every database, every topic of the run. */
export class PlatformSinks {
  private constructor(
    private readonly logs: LogSink,
    private readonly databases: DatabaseSink,
    private readonly kafka: KafkaSink,
  ) {}

  static async open(e2e: E2ePlatform): Promise<PlatformSinks> {
    const groups = [...SUBGRAPH_NAMES.map((name) => `nhi-${name}-e2e-${e2e.runId}`), `reference-integrator-e2e-${e2e.runId}`];
    const excluded = INPUT_TOPICS.map((topic) => `${e2e.topicPrefix}${topic}`);
    return new PlatformSinks(
      new LogSink(e2e.logDir),
      await DatabaseSink.open(testDatabaseServerUrl(), e2e.databasePrefix),
      await KafkaSink.open(e2e.brokers, e2e.topicPrefix, excluded, groups),
    );
  }

  /**
   * Waits until the asynchronous paths are done: no unsent outbox row, no consumer (the services'
   * and the sweep's) behind its topics, and nothing growing (topics, logs) over two polls in a row.
   */
  async settle(timeoutMs = 90_000): Promise<number> {
    const started = Date.now();
    let previous = '';
    let quiet = 0;
    while (quiet < 2) {
      if (Date.now() - started > timeoutMs) throw new Error(`the platform did not settle within ${timeoutMs / 1000}s`);
      await sleep(400);
      const marks = await this.kafka.highWaterMarks();
      const busy = (await this.databases.unsentOutboxRows()) + (await this.kafka.lag(marks));
      const state = JSON.stringify([[...marks.entries()], this.logs.size()]);
      quiet = busy === 0 && state === previous ? quiet + 1 : 0;
      previous = state;
    }
    return Date.now() - started;
  }

  /** Searches what the sinks gained since the last sweep: new log lines, new messages, new or changed rows. */
  async sweep(ledger: LeakLedger, door: string): Promise<LeakFinding[]> {
    const found: LeakFinding[] = [];
    for (const { file, text } of this.logs.readNew()) found.push(...ledger.scan(`log file ${file}`, text, door));
    for (const { where, text } of this.kafka.readNew()) found.push(...ledger.scan(where, text, door));
    for (const { table, text } of await this.databases.dump()) found.push(...ledger.scan(`table ${table}`, text, door));
    const unread = await this.kafka.unreadTopics();
    if (unread.length > 0) throw new Error(`topics created after the sweep started, not searched: ${unread.join(', ')}`);
    return found;
  }

  async close(): Promise<void> {
    await this.kafka.close();
    await this.databases.close();
  }
}
