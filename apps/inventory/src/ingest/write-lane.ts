import type { EntityManager, QueryRunner } from 'typeorm';
import { inTransaction } from '@nhi/persistence';
import type { NormalisedRow } from './normalised-row';

/** Writes one chunk in the given transaction; returns how many rows it inserted or changed. */
export type ChunkWork = (manager: EntityManager, rows: NormalisedRow[]) => Promise<number>;
/** Runs on the lane's connection after a chunk committed, outside any transaction. */
export type AfterCommit = (runner: QueryRunner, changedRows: number) => Promise<void>;

/**
 * One connection that writes chunks one after another, in order, each in its
 * own transaction (or all in one, for a dry run). While a chunk is written the
 * next one fills, so the database and this process work at the same time.
 */
export class WriteLane {
  private chunk: NormalisedRow[] = [];
  private writing: Promise<void> = Promise.resolve();

  constructor(
    readonly runner: QueryRunner,
    private readonly chunkSize: number,
    private readonly outerTransaction: boolean,
    private readonly work: ChunkWork,
    private readonly afterCommit: AfterCommit = async () => undefined,
  ) {}

  async add(row: NormalisedRow): Promise<void> {
    this.chunk.push(row);
    if (this.chunk.length >= this.chunkSize) await this.flush();
  }

  /** Starts writing what has filled; resolves once the previous chunk is written (and throws if it failed). */
  async flush(): Promise<void> {
    if (this.chunk.length === 0) return;
    const rows = this.chunk;
    this.chunk = [];
    await this.writing;
    this.writing = this.transact((manager) => this.work(manager, rows)).then((changed) =>
      this.outerTransaction ? undefined : this.afterCommit(this.runner, changed),
    );
    // Handled here so a failure waits, without an unhandled rejection, for the next await to rethrow it.
    this.writing.catch(() => undefined);
  }

  /** Runs work in the transaction already open on the lane's connection (a dry run's), or in one of its own that commits. */
  transact<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.outerTransaction ? work(this.runner.manager) : inTransaction(this.runner, work);
  }

  /** Writes the rest and waits for it. */
  async drain(): Promise<void> {
    await this.flush();
    await this.writing;
  }

  /** Waits for the chunk in flight, whatever its outcome: before rolling back or releasing the connection. */
  settle(): Promise<void> {
    return this.writing.catch(() => undefined);
  }
}

/** FNV-1a: a cheap, stable spread of natural keys over lanes, so one identity always goes to the same lane. */
export function laneOf(key: string, lanes: number): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    hash ^= key.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % lanes;
}
