import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { timeOrderedUuid, type EventType, type FieldChange } from '@nhi/contracts';
import { OutboxEventInput, OutboxService } from '@nhi/messaging';
import { FindingsService } from '../findings/findings.service';
import { changesBetween, IdentityState, snapshotOf } from './identity-state';
import { identityStore, naturalKey } from './identity-store';
import { mergeSighting } from './merge-sighting';
import type { NormalisedRow } from './normalised-row';

export interface ChunkContext {
  source: string;
  seenAt: Date;
  /** Set for a full snapshot: stamps the sightings it includes. */
  snapshotId: string | null;
}

export interface ChunkResult {
  created: number;
  updated: number;
  unchanged: number;
}

/** Folds a key's rows (in order, at least one) onto what is known: the latest row wins, as in mergeSighting. */
function fold(known: IdentityState | null, [first, ...rest]: readonly [NormalisedRow, ...NormalisedRow[]], seenAt: Date): IdentityState {
  let state = mergeSighting(known, first, known?.id ?? timeOrderedUuid(), seenAt).state;
  for (const row of rest) state = mergeSighting(state, row, state.id, seenAt).state;
  return state;
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
    const byKey = new Map<string, [NormalisedRow, ...NormalisedRow[]]>();
    for (const row of rows) {
      const key = naturalKey(row);
      const group = byKey.get(key);
      if (group) group.push(row);
      else byKey.set(key, [row]);
    }
    const keys = [...byKey.values()].map(([first]) => first);
    const known = await identityStore.lockByNaturalKeys(manager, keys);

    const created: IdentityState[] = [];
    const changed: Array<{ before: IdentityState; after: IdentityState; changes: FieldChange[] }> = [];
    const unchanged: IdentityState[] = [];
    for (const [key, group] of byKey) {
      const before = known.get(key) ?? null;
      const after = fold(before, group, context.seenAt);
      const changes = before ? changesBetween(before, after) : [];
      if (!before) created.push(after);
      else if (changes.length > 0) changed.push({ before, after, changes });
      else unchanged.push(after);
    }

    const inserted = await identityStore.insert(manager, created);
    const lostRace = created.filter((state) => !inserted.has(state.id));
    if (lostRace.length > 0) {
      // Another ingest created these keys after our read: merge onto its rows instead.
      const now = await identityStore.lockByNaturalKeys(manager, lostRace);
      for (const state of lostRace) {
        const key = naturalKey(state);
        const before = now.get(key);
        const group = byKey.get(key);
        if (!before || !group) throw new Error(`identity ${key.replace('\n', ' ')} was neither inserted nor found`);
        const after = fold(before, group, context.seenAt);
        changed.push({ before, after, changes: changesBetween(before, after) });
      }
    }
    const fresh = created.filter((state) => inserted.has(state.id));
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

    const at = context.seenAt.toISOString();
    const events: Array<OutboxEventInput<EventType>> = [
      ...fresh.map((state) => ({
        type: 'nhi.identity.discovered' as const,
        subject: state.id,
        data: { identity: snapshotOf(state), source: context.source, discoveredAt: at },
      })),
      ...changed
        .filter(({ changes }) => changes.length > 0)
        .map(({ after, changes }) => ({
          type: 'nhi.identity.updated' as const,
          subject: after.id,
          data: { identity: snapshotOf(after), changes, source: context.source, updatedAt: at },
        })),
    ];
    await this.outbox.enqueueMany(manager, events);

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

    return { created: fresh.length, updated: changed.length, unchanged: unchanged.length };
  }
}
