import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { OutboxService } from '@nhi/messaging';
import { DEFAULT_POOL_SIZE, inTransaction, PlannerStatistics } from '@nhi/persistence';
import { INVENTORY_CONFIG, InventoryConfig } from '../inventory-config';
import type { ChunkContext } from './chunk-plan';
import { ChunkWriter } from './chunk-writer';
import { addBatchWarning, addRejection, addRowWarning, emptyReport, IngestReport } from './ingest-report';
import { BatchKeys } from './batch-keys';
import type { NormalisedRow } from './normalised-row';
import { echoOf } from './rejection-echo';
import { EMPTY_SNAPSHOT, markMissing, SnapshotRefusedError } from './snapshot-marker';
import { naturalKey } from '../identity-data/identity-store';
import type { RawIdentityRow } from './raw-identity-row';
import { normaliseRow } from './row-normaliser';
import { UnparseableRow } from './unparseable-row';
import { IngestRequestError } from './ingest-request-error';
import { canonicalSource } from './source-name';
import { ChunkWork, IndexedRow, laneOf, LaneOutcomes, WriteLane } from './write-lane';
import { LanePermits, lanesFor } from './lane-permits';

/** The reason given for each row of a chunk that failed to write. */
export const CHUNK_FAILED = 'not written: the chunk failed';

export interface IngestOptions {
  source: string;
  fullSnapshot: boolean;
  dryRun: boolean;
  /** Take a full snapshot even when it is empty or would stale more than SNAPSHOT_MAX_STALE_SHARE. */
  force?: boolean;
}

/** GraphQL batches are a list, NDJSON uploads a stream read as it arrives. */
type IngestRows = Iterable<RawIdentityRow | UnparseableRow> | AsyncIterable<RawIdentityRow | UnparseableRow>;

export { IngestRequestError };
export { canonicalSource };

/** How often a long ingest reports progress in the log. */
const PROGRESS_EVERY_ROWS = 100_000;

/**
 * Ingest for every path (GraphQL batches and NDJSON uploads): each row is
 * checked on its own, so a broken row is reported and the rest still land.
 * Valid rows are written in chunks, each chunk in its own transaction; a dry
 * run does everything in one transaction and rolls it back.
 */
@Injectable()
export class IngestService {
  private readonly logger = new Logger('Ingest');
  private readonly statistics = new PlannerStatistics({ tables: ['identities', 'identity_sightings', 'identity_findings'] });
  private readonly permits: LanePermits;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(INVENTORY_CONFIG) private readonly config: InventoryConfig,
    private readonly writer: ChunkWriter,
    private readonly outbox: OutboxService,
  ) {
    const poolSize = (dataSource.options as { extra?: { max?: number } } | undefined)?.extra?.max ?? DEFAULT_POOL_SIZE;
    this.permits = new LanePermits(lanesFor(poolSize));
  }

  async ingest(options: IngestOptions, rows: IngestRows, now = new Date()): Promise<IngestReport> {
    const source = canonicalSource(options.source);
    const report = emptyReport(source, options.dryRun, options.fullSnapshot);
    const context = { source, seenAt: now, snapshotId: options.fullSnapshot ? randomUUID() : null };
    // A dry run is one transaction, so one connection; otherwise rows spread over up to INGEST_WRITERS lanes by key.
    const taken = await this.permits.take(options.dryRun ? 1 : this.config.INGEST_WRITERS);
    try {
      const lanes = await this.openLanes(taken, options.dryRun, report, context);
      try {
        const load = () => this.load(lanes, rows, report, { ...context, options });
        if (options.dryRun) await inTransaction(lanes[0].runner, load, { dryRun: true });
        else await load();
        this.logger.log(
          `${options.dryRun ? 'dry run of ' : ''}ingest from ${source} done: ${report.received} rows, ${report.created} created, ` +
            `${report.updated} updated, ${report.unchanged} unchanged, ${report.stale} stale, ${report.rejectedCount} rejected`,
        );
        return report;
      } finally {
        await Promise.all(lanes.map((lane) => lane.runner.release()));
      }
    } finally {
      this.permits.release(taken);
    }
  }

  /** Checks every row and hands the valid ones to their lane, waits for the lanes, then marks what a full snapshot left out. */
  private async load(
    lanes: readonly [WriteLane, ...WriteLane[]],
    rows: IngestRows,
    report: IngestReport,
    context: ChunkContext & { options: IngestOptions },
  ): Promise<void> {
    const batch = new BatchKeys();
    let accepted = 0;
    try {
      for await (const raw of rows) {
        const index = report.received++;
        const row = this.check(report, index, raw, batch, context.seenAt);
        if (row) {
          accepted++;
          await lanes[laneOf(naturalKey(row), lanes.length)]?.add({ index, row });
        }
        if (report.received % PROGRESS_EVERY_ROWS === 0) this.logProgress(report);
      }
      await Promise.all(lanes.map((lane) => lane.drain()));
    } catch (error) {
      // A chunk may still be in flight (the upload failed while it was written): let it end before any rollback.
      await Promise.all(lanes.map((lane) => lane.settle()));
      throw error;
    }
    if (context.snapshotId) await this.closeSnapshot(lanes[0], report, context, accepted);
  }

  /** The row in canonical form when it may be written; otherwise it is reported as rejected. */
  private check(
    report: IngestReport,
    index: number,
    raw: RawIdentityRow | UnparseableRow,
    batch: BatchKeys,
    now: Date,
  ): NormalisedRow | null {
    if (raw instanceof UnparseableRow) {
      addRejection(report, { index, externalId: null, name: null, reason: raw.reason });
      return null;
    }
    const result = normaliseRow(raw, now);
    if (!result.ok) {
      addRejection(report, { index, ...echoOf(raw, result.field), reason: result.reason });
      return null;
    }
    const { row, warnings } = result;
    const duplicate = batch.check(index, row);
    if (duplicate) {
      addRejection(report, { index, externalId: row.externalId, name: row.name, reason: duplicate });
      return null;
    }
    // The stored forms (they passed every check, and are what the sender will find), unless the warning is about them.
    for (const { field, reason } of warnings) {
      const externalId = field === 'externalId' ? null : row.externalId;
      addRowWarning(report, { index, externalId, name: field === 'name' ? null : row.name, message: reason });
    }
    return row;
  }

  /** Marks what a full snapshot left out, unless the snapshot looks broken (empty, or staling too much) and is not forced. */
  private async closeSnapshot(
    lane: WriteLane,
    report: IngestReport,
    context: ChunkContext & { options: IngestOptions },
    accepted: number,
  ): Promise<void> {
    const { options } = context;
    if (accepted === 0 && !options.force) {
      if (!options.dryRun) throw new SnapshotRefusedError(`${EMPTY_SNAPSHOT}; nothing was written`);
      addBatchWarning(report, `a real run would be refused: ${EMPTY_SNAPSHOT}`);
    }
    try {
      const outcome = await lane.transact((manager) =>
        markMissing(
          manager,
          this.outbox,
          {
            source: context.source,
            snapshotId: context.snapshotId ?? '',
            now: context.seenAt,
            staleAfter: this.config.STALE_AFTER_SNAPSHOTS,
          },
          { maxStaleShare: this.config.SNAPSHOT_MAX_STALE_SHARE, force: options.force ?? false, dryRun: options.dryRun },
        ),
      );
      report.stale = outcome.stale;
      if (outcome.wouldRefuse) addBatchWarning(report, `a real run would be refused: ${outcome.wouldRefuse}`);
    } catch (error) {
      if (!(error instanceof SnapshotRefusedError)) throw error;
      throw new SnapshotRefusedError(
        `${error.message}. Nothing was marked missing; the rows were taken as an incremental report ` +
          `(${report.created} created, ${report.updated} updated, ${report.unchanged} unchanged, ${report.rejectedCount} rejected)`,
      );
    }
  }

  private async openLanes(
    count: number,
    dryRun: boolean,
    report: IngestReport,
    context: ChunkContext,
  ): Promise<[WriteLane, ...WriteLane[]]> {
    const work: ChunkWork = (manager, chunk) => this.writer.write(manager, chunk, context);
    const outcomes: LaneOutcomes = {
      written: async (runner, result) => {
        report.created += result.created;
        report.updated += result.updated;
        report.unchanged += result.unchanged;
        if (!dryRun && this.statistics.recordChanges(result.created + result.updated)) await this.statistics.refreshIfDue(runner.manager);
      },
      failed: (rows, error) => this.chunkFailed(report, rows, error),
    };
    const lanes: WriteLane[] = [];
    try {
      for (let i = 0; i < count; i++) {
        const runner = this.dataSource.createQueryRunner();
        await runner.connect();
        lanes.push(new WriteLane(runner, this.config.INGEST_CHUNK_SIZE, dryRun, work, outcomes));
      }
    } catch (error) {
      await Promise.all(lanes.map((lane) => lane.runner.release()));
      throw error;
    }
    const [first, ...rest] = lanes;
    if (!first) throw new Error('no write lane');
    return [first, ...rest];
  }

  /** A chunk that failed was rolled back whole: its rows are reported as not written, the other chunks stand. */
  private chunkFailed(report: IngestReport, rows: readonly IndexedRow[], error: unknown): void {
    // Only the error's class and code: a database message may quote a row's value.
    const code = (error as { code?: unknown })?.code;
    this.logger.error(
      `ingest from ${report.source}: a chunk of ${rows.length} rows failed (${error instanceof Error ? error.name : 'error'}${typeof code === 'string' ? ` ${code}` : ''}); its rows are reported as not written`,
    );
    for (const { index, row } of rows) {
      addRejection(report, { index, externalId: row.externalId, name: row.name, reason: CHUNK_FAILED });
    }
  }

  private logProgress(report: IngestReport): void {
    this.logger.log(
      `ingest from ${report.source}: ${report.received} rows read, ${report.created} created, ${report.updated} updated, ` +
        `${report.unchanged} unchanged, ${report.rejectedCount} rejected`,
    );
  }
}
