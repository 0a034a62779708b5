import type { EntityManager, QueryRunner } from 'typeorm';
import { inTransaction } from '@nhi/persistence';
import type { ChunkResult } from './chunk-writer';
import type { NormalisedRow } from './normalised-row';

/** A valid row with its position in the batch, so a chunk that fails can report its rows. */
export interface IndexedRow {
  index: number;
  row: NormalisedRow;
}

/** Writes one chunk in the given transaction. */
export type ChunkWork = (manager: EntityManager, rows: NormalisedRow[]) => Promise<ChunkResult>;

export interface LaneOutcomes {
  /** After a chunk committed (or, in a dry run, was applied), outside its transaction. */
  written(runner: QueryRunner, result: ChunkResult): Promise<void>;
  /** A chunk that failed and was rolled back: none of its rows landed. */
  failed(rows: readonly IndexedRow[], error: unknown): void;
}

/**
 * One connection that writes chunks one after another, in order, each in its
 * own transaction (or all in one, for a dry run, each chunk then in a
 * savepoint). While a chunk is written the next one fills, so the database and
 * this process work at the same time. A chunk that fails is rolled back and
 * handed to `failed`, and the lane goes on: a batch is never left half-written
 * without the report saying which rows did not land.
 */
export class WriteLane {
  private chunk: IndexedRow[] = [];
  private writing: Promise<void> = Promise.resolve();

  constructor(
    readonly runner: QueryRunner,
    private readonly chunkSize: number,
    private readonly outerTransaction: boolean,
    private readonly work: ChunkWork,
    private readonly outcomes: LaneOutcomes,
  ) {}

  async add(row: IndexedRow): Promise<void> {
    this.chunk.push(row);
    if (this.chunk.length >= this.chunkSize) await this.flush();
  }

  /** Starts writing what has filled; resolves once the previous chunk is written (and throws if its follow-up failed). */
  async flush(): Promise<void> {
    if (this.chunk.length === 0) return;
    const rows = this.chunk;
    this.chunk = [];
    await this.writing;
    this.writing = this.writeChunk(rows);
    // Handled here so a failure waits, without an unhandled rejection, for the next await to rethrow it.
    this.writing.catch(() => undefined);
  }

  private async writeChunk(rows: IndexedRow[]): Promise<void> {
    let result: ChunkResult;
    try {
      result = await this.transact((manager) =>
        this.work(
          manager,
          rows.map((r) => r.row),
        ),
      );
    } catch (error) {
      this.outcomes.failed(rows, error);
      return;
    }
    await this.outcomes.written(this.runner, result);
  }

  /** Runs work in the transaction already open on the lane's connection (a dry run's, in a savepoint), or in one of its own that commits. */
  transact<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    return this.outerTransaction ? this.inSavepoint(work) : inTransaction(this.runner, work);
  }

  /** A failed chunk of a dry run must not abort the dry run's transaction for the chunks after it. */
  private async inSavepoint<T>(work: (manager: EntityManager) => Promise<T>): Promise<T> {
    await this.runner.query('SAVEPOINT ingest_chunk');
    try {
      const result = await work(this.runner.manager);
      await this.runner.query('RELEASE SAVEPOINT ingest_chunk');
      return result;
    } catch (error) {
      await this.runner.query('ROLLBACK TO SAVEPOINT ingest_chunk');
      throw error;
    }
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
