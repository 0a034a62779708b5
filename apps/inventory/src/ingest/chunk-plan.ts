import { timeOrderedUuid, type EventType, type FieldChange } from '@nhi/contracts';
import type { OutboxEventInput } from '@nhi/messaging';
import { changesBetween, IdentityState, snapshotOf } from '../identity-data/identity-state';
import { naturalKey } from '../identity-data/identity-store';
import { mergeSighting } from './merge-sighting';
import type { NormalisedRow } from './normalised-row';

export interface ChunkContext {
  source: string;
  seenAt: Date;
  /** Set for a full snapshot: stamps the sightings it includes. */
  snapshotId: string | null;
}

/** A chunk's rows by natural key; one key's rows keep their order. */
export type RowsByKey = Map<string, [NormalisedRow, ...NormalisedRow[]]>;

export interface Change {
  before: IdentityState;
  after: IdentityState;
  changes: FieldChange[];
}

/** What a chunk does to the identities it names, before anything is written. */
export interface ChunkPlan {
  created: IdentityState[];
  changed: Change[];
  unchanged: IdentityState[];
}

export function groupByKey(rows: readonly NormalisedRow[]): RowsByKey {
  const byKey: RowsByKey = new Map();
  for (const row of rows) {
    const key = naturalKey(row);
    const group = byKey.get(key);
    if (group) group.push(row);
    else byKey.set(key, [row]);
  }
  return byKey;
}

/** Folds a key's rows (in order, at least one) onto what is known: the latest row wins, as in mergeSighting. */
export function fold(
  known: IdentityState | null,
  [first, ...rest]: readonly [NormalisedRow, ...NormalisedRow[]],
  seenAt: Date,
): IdentityState {
  let state = mergeSighting(known, first, known?.id ?? timeOrderedUuid(), seenAt).state;
  for (const row of rest) state = mergeSighting(state, row, state.id, seenAt).state;
  return state;
}

export function planChunk(byKey: RowsByKey, known: ReadonlyMap<string, IdentityState>, seenAt: Date): ChunkPlan {
  const plan: ChunkPlan = { created: [], changed: [], unchanged: [] };
  for (const [key, group] of byKey) {
    const before = known.get(key) ?? null;
    const after = fold(before, group, seenAt);
    const changes = before ? changesBetween(before, after) : [];
    if (!before) plan.created.push(after);
    else if (changes.length > 0) plan.changed.push({ before, after, changes });
    else plan.unchanged.push(after);
  }
  return plan;
}

/** A discovered event for each new identity, an updated one for each identity a field of which changed. */
export function chunkEvents(
  fresh: readonly IdentityState[],
  changed: readonly Change[],
  context: ChunkContext,
): Array<OutboxEventInput<EventType>> {
  const at = context.seenAt.toISOString();
  return [
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
}
