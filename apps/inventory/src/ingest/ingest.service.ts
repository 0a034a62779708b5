import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { randomUUID } from 'node:crypto';
import type { DataSource, EntityManager } from 'typeorm';
import { OutboxService } from '@nhi/messaging';
import { inTransaction, PlannerStatistics } from '@nhi/persistence';
import { INVENTORY_CONFIG, InventoryConfig } from '../inventory-config';
import { cleanText } from '../normalisation/text';
import { detectSecret } from '@nhi/secrets';
import type { ChunkContext } from './chunk-plan';
import { ChunkWriter } from './chunk-writer';
import { emptyReport, IngestReport, MAX_LISTED_REJECTIONS } from './ingest-report';
import { naturalKey } from '../identity-data/identity-store';
import type { RawIdentityRow } from './raw-identity-row';
import { normaliseRow } from './row-normaliser';
import { UnparseableRow } from './unparseable-row';
import { ChunkWork, laneOf, WriteLane } from './write-lane';

export interface IngestOptions {
  source: string;
  fullSnapshot: boolean;
  dryRun: boolean;
}

/** GraphQL batches are a list, NDJSON uploads a stream read as it arrives. */
type IngestRows = Iterable<RawIdentityRow | UnparseableRow> | AsyncIterable<RawIdentityRow | UnparseableRow>;

export class IngestRequestError extends Error {
  override readonly name = 'IngestRequestError';
}

/** How often a long ingest reports progress in the log. */
const PROGRESS_EVERY_ROWS = 100_000;

/** A source name is an identifier of a connector: short, plain, and never a secret. */
export function canonicalSource(raw: string): string {
  const source = cleanText(raw).toLowerCase();
  if (!source) throw new IngestRequestError('source is required: name the connector that reports these identities');
  if (source.length > 100) throw new IngestRequestError('source is longer than 100 characters');
  if (detectSecret(source)) throw new IngestRequestError('source looks like secret material; name the connector instead');
  return source;
}

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

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(INVENTORY_CONFIG) private readonly config: InventoryConfig,
    private readonly writer: ChunkWriter,
    private readonly outbox: OutboxService,
  ) {}

  async ingest(options: IngestOptions, rows: IngestRows, now = new Date()): Promise<IngestReport> {
    const source = canonicalSource(options.source);
    const report = emptyReport(source, options.dryRun, options.fullSnapshot);
    const context = { source, seenAt: now, snapshotId: options.fullSnapshot ? randomUUID() : null };
    // A dry run is one transaction, so one connection; otherwise rows spread over INGEST_WRITERS lanes by key.
    const lanes = await this.openLanes(options.dryRun ? 1 : this.config.INGEST_WRITERS, options.dryRun, async (manager, chunk) => {
      const result = await this.writer.write(manager, chunk, context);
      report.created += result.created;
      report.updated += result.updated;
      report.unchanged += result.unchanged;
      return result.created + result.updated;
    });
    try {
      const load = () => this.load(lanes, rows, report, context);
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
  }

  /** Checks every row and hands the valid ones to their lane, waits for the lanes, then marks what a full snapshot left out. */
  private async load(
    lanes: readonly [WriteLane, ...WriteLane[]],
    rows: IngestRows,
    report: IngestReport,
    context: ChunkContext,
  ): Promise<void> {
    try {
      for await (const raw of rows) {
        const index = report.received++;
        if (raw instanceof UnparseableRow) {
          this.reject(report, index, {}, raw.reason);
        } else {
          const result = normaliseRow(raw);
          if (result.ok) await lanes[laneOf(naturalKey(result.row), lanes.length)]?.add(result.row);
          else this.reject(report, index, raw, result.reason);
        }
        if (report.received % PROGRESS_EVERY_ROWS === 0) this.logProgress(report);
      }
      await Promise.all(lanes.map((lane) => lane.drain()));
    } catch (error) {
      // A chunk may still be in flight (the upload failed while it was written): let it end before any rollback.
      await Promise.all(lanes.map((lane) => lane.settle()));
      throw error;
    }
    const { source, seenAt, snapshotId } = context;
    if (snapshotId) report.stale = await lanes[0].transact((manager) => this.markMissing(manager, source, snapshotId, seenAt));
  }

  private async openLanes(count: number, dryRun: boolean, write: ChunkWork): Promise<[WriteLane, ...WriteLane[]]> {
    const lanes: WriteLane[] = [];
    for (let i = 0; i < count; i++) {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      lanes.push(
        new WriteLane(runner, this.config.INGEST_CHUNK_SIZE, dryRun, write, async (committed, changedRows) => {
          if (this.statistics.recordChanges(changedRows)) await this.statistics.refreshIfDue(committed.manager);
        }),
      );
    }
    const [first, ...rest] = lanes;
    if (!first) throw new Error('no write lane');
    return [first, ...rest];
  }

  private reject(report: IngestReport, index: number, raw: RawIdentityRow, reason: string): void {
    report.rejectedCount += 1;
    if (report.rejected.length >= MAX_LISTED_REJECTIONS) return;
    const externalId =
      typeof raw?.externalId === 'string' && !detectSecret(raw.externalId) ? cleanText(raw.externalId).slice(0, 500) : null;
    report.rejected.push({ index, externalId, reason });
  }

  /**
   * After a full snapshot: every sighting of this source it did not include has
   * missed one more snapshot; identities that every source has missed for
   * STALE_AFTER_SNAPSHOTS snapshots become STALE.
   */
  private async markMissing(manager: EntityManager, source: string, snapshotId: string, now: Date): Promise<number> {
    await manager.query(
      `UPDATE identity_sightings SET missed_snapshots = missed_snapshots + 1
       WHERE source = $1 AND last_snapshot_id IS DISTINCT FROM $2`,
      [source, snapshotId],
    );
    const stale: Array<{ id: string; last_seen_at: Date; missed: number }> = await manager.query(
      // A CTE, so the driver returns the rows (a bare UPDATE ... RETURNING comes back as [rows, count]).
      `WITH missing AS (
         SELECT s.identity_id, min(s.missed_snapshots) AS missed FROM identity_sightings s
         WHERE s.identity_id IN (SELECT identity_id FROM identity_sightings WHERE source = $1 AND missed_snapshots >= $2)
         GROUP BY s.identity_id HAVING min(s.missed_snapshots) >= $2),
       stale AS (
         UPDATE identities i SET status = 'STALE' FROM missing m
         WHERE i.id = m.identity_id AND i.status = 'ACTIVE'
         RETURNING i.id, i.last_seen_at, m.missed)
       SELECT * FROM stale`,
      [source, this.config.STALE_AFTER_SNAPSHOTS],
    );
    await this.outbox.enqueueMany(
      manager,
      stale.map((row) => ({
        type: 'nhi.identity.stale' as const,
        subject: row.id,
        data: {
          id: row.id,
          lastSeenAt: new Date(row.last_seen_at).toISOString(),
          staleAt: now.toISOString(),
          missedSnapshots: Number(row.missed),
        },
      })),
    );
    return stale.length;
  }

  private logProgress(report: IngestReport): void {
    this.logger.log(
      `ingest from ${report.source}: ${report.received} rows read, ${report.created} created, ${report.updated} updated, ` +
        `${report.unchanged} unchanged, ${report.rejectedCount} rejected`,
    );
  }
}
