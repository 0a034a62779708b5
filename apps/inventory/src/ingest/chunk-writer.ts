import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OutboxService } from '@nhi/messaging';
import { FindingsService } from '../findings/findings.service';
import { changesBetween, IdentityState } from '../identity-data/identity-state';
import { identityStore, naturalKey } from '../identity-data/identity-store';
import { Change, chunkEvents, ChunkContext, fold, groupByKey, planChunk, RowsByKey } from './chunk-plan';
import type { NormalisedRow } from './normalised-row';

export interface ChunkResult {
  created: number;
  updated: number;
  unchanged: number;
}

/**
 * Writes one chunk of valid rows in the caller's transaction, set-based: one
 * read of the known identities (locked), one insert, one update, one sighting
 * upsert, one outbox insert, then the findings of what changed.
 */
@Injectable()
export class ChunkWriter {
  constructor(
    private readonly outbox: OutboxService,
    private readonly findings: FindingsService,
  ) {}

  async write(manager: EntityManager, rows: readonly NormalisedRow[], context: ChunkContext): Promise<ChunkResult> {
    const byKey = groupByKey(rows);
    const known = await identityStore.lockByNaturalKeys(
      manager,
      [...byKey.values()].map(([first]) => first),
    );
    const plan = planChunk(byKey, known, context.seenAt);
    const { fresh, merged } = await this.insertCreated(manager, plan.created, byKey, context.seenAt);
    const changed = [...plan.changed, ...merged];
    await this.recordSeen(manager, fresh, changed, plan.unchanged, context);
    await this.outbox.enqueueMany(manager, chunkEvents(fresh, changed, context));
    await this.recheckFindings(manager, rows, fresh, changed, context);
    return { created: fresh.length, updated: changed.length, unchanged: plan.unchanged.length };
  }

  /** Inserts the new identities; a key another ingest created after our read is merged onto its row instead. */
  private async insertCreated(
    manager: EntityManager,
    created: readonly IdentityState[],
    byKey: RowsByKey,
    seenAt: Date,
  ): Promise<{ fresh: IdentityState[]; merged: Change[] }> {
    const inserted = await identityStore.insert(manager, created);
    const lostRace = created.filter((state) => !inserted.has(state.id));
    const merged: Change[] = [];
    if (lostRace.length > 0) {
      const now = await identityStore.lockByNaturalKeys(manager, lostRace);
      for (const state of lostRace) {
        const key = naturalKey(state);
        const before = now.get(key);
        const group = byKey.get(key);
        if (!before || !group) throw new Error(`identity ${key.replace('\n', ' ')} was neither inserted nor found`);
        const after = fold(before, group, seenAt);
        merged.push({ before, after, changes: changesBetween(before, after) });
      }
    }
    return { fresh: created.filter((state) => inserted.has(state.id)), merged };
  }

  /** Writes what changed, moves the last-seen time of the rest, and records this source's sighting of all of them. */
  private async recordSeen(
    manager: EntityManager,
    fresh: readonly IdentityState[],
    changed: readonly Change[],
    unchanged: readonly IdentityState[],
    context: ChunkContext,
  ): Promise<void> {
    await identityStore.update(
      manager,
      changed.map((c) => c.after),
    );
    await identityStore.touch(
      manager,
      unchanged.map((s) => s.id),
      context.seenAt,
    );
    await identityStore.recordSightings(
      manager,
      [...fresh, ...changed.map((c) => c.after), ...unchanged].map((s) => s.id),
      context.source,
      context.seenAt,
      context.snapshotId,
    );
  }

  private async recheckFindings(
    manager: EntityManager,
    rows: readonly NormalisedRow[],
    fresh: readonly IdentityState[],
    changed: readonly Change[],
    context: ChunkContext,
  ): Promise<void> {
    const leaked = this.findings.isLeakScanner(context.source)
      ? rows.flatMap((row) => (row.credentialFingerprint ? [row.credentialFingerprint] : []))
      : [];
    await this.findings.recordLeaks(manager, context.source, leaked, context.seenAt);
    // A rotated credential leaves its old holders' shared-credential findings to re-check.
    const oldFingerprints = changed.flatMap(({ before, after }) =>
      before.credentialFingerprint && before.credentialFingerprint !== after.credentialFingerprint ? [before.credentialFingerprint] : [],
    );
    await this.findings.reconcile(
      manager,
      {
        identities: [...fresh, ...changed.map((c) => c.after)],
        created: new Set(fresh.map((s) => s.id)),
        fingerprints: [...leaked, ...oldFingerprints],
      },
      context.seenAt,
    );
  }
}
