import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { EventBatchHandler, type ReceivedEventOf } from '@nhi/messaging';
import { FactRows, latest, type FactRow } from './fact-rows';
import { FactsWriter } from './facts-writer';
import type { HistoryEntry } from './state-history';

interface LifecycleFact extends FactRow {
  identity_id: string;
  due_since: string | null;
  managed: boolean;
  last_rotated_at: string | null;
  expired_at: string | null;
  revocation_requested_at: string | null;
  revoked_at: string | null;
  rotation_requested_at: string | null;
  rotation_failed_at: string | null;
  updated_at: string;
}

const COLUMNS: Array<keyof LifecycleFact & string> = [
  'identity_id',
  'due_since',
  'managed',
  'last_rotated_at',
  'expired_at',
  'revocation_requested_at',
  'revoked_at',
  'rotation_requested_at',
  'rotation_failed_at',
  'updated_at',
];
const TYPES = [
  'nhi.credential.rotation-due',
  'nhi.credential.rotated',
  'nhi.credential.expired',
  'nhi.credential.revocation-requested',
  'nhi.credential.revoked',
  'nhi.credential.rotation-requested',
  'nhi.credential.rotation-failed',
] as const;
type LifecycleEvent = ReceivedEventOf<(typeof TYPES)[number]>;
type Changes = Partial<Omit<LifecycleFact, 'identity_id' | 'updated_at'>>;

/**
 * Rotation and revocation as lifecycle's events tell them: whether a
 * credential is overdue, whether the platform manages its rotation, and how
 * long revocations take.
 */
@Injectable()
export class LifecycleFactsHandler {
  constructor(private readonly facts: FactsWriter) {}

  @EventBatchHandler(TYPES, {
    formerly: {
      'nhi.credential.rotation-due': 'onDue',
      'nhi.credential.rotated': 'onRotated',
      'nhi.credential.expired': 'onExpired',
      'nhi.credential.revocation-requested': 'onRevocationRequested',
      'nhi.credential.revoked': 'onRevoked',
    },
  })
  async apply(events: readonly LifecycleEvent[], manager: EntityManager): Promise<void> {
    const rows = await FactRows.load<LifecycleFact>(
      manager,
      'lifecycle_facts',
      'identity_id',
      COLUMNS,
      events.map((e) => e.data.identityId),
    );
    const history: HistoryEntry[] = [];
    for (const event of events) {
      const changes = changesOf(event, history);
      if (changes) upsert(rows, event.data.identityId, event.time, changes);
    }
    await this.facts.write(manager, { events, tables: [rows], history, identityIds: events.map((e) => e.data.identityId) });
  }
}

/** The columns an event sets (null: it changes nothing), and the history it adds. */
function changesOf(event: LifecycleEvent, history: HistoryEntry[]): Changes | null {
  const { identityId } = event.data;
  switch (event.type) {
    case 'nhi.credential.rotation-due': {
      const { dueAt, warning, autoRotate } = event.data;
      if (!warning) history.push({ identityId, attribute: 'overdue', value: '1', at: dueAt });
      if (autoRotate) history.push({ identityId, attribute: 'managed', value: '1', at: event.time });
      // A warning only says that it will fall due; being due is what counts against compliance.
      return { ...(warning ? {} : { due_since: dueAt }), ...(autoRotate ? { managed: true } : {}) };
    }
    case 'nhi.credential.rotated': {
      const { rotatedAt } = event.data;
      history.push(
        { identityId, attribute: 'overdue', value: '0', at: rotatedAt },
        { identityId, attribute: 'managed', value: '1', at: rotatedAt },
      );
      return { due_since: null, managed: true, last_rotated_at: rotatedAt, rotation_requested_at: null, rotation_failed_at: null };
    }
    case 'nhi.credential.expired':
      return { expired_at: event.data.expiredAt };
    case 'nhi.credential.revocation-requested':
      // The lead time runs from the first attempt; retries do not restart it.
      return event.data.attempt === 1 ? { revocation_requested_at: event.data.requestedAt } : null;
    case 'nhi.credential.revoked':
      return { revoked_at: event.data.revokedAt };
    // Whether a rotation is under way or has failed for good: the lifecycle state the portal's search filters on.
    case 'nhi.credential.rotation-requested':
      return { rotation_requested_at: event.data.requestedAt, rotation_failed_at: null };
    case 'nhi.credential.rotation-failed':
      return event.data.final ? { rotation_requested_at: null, rotation_failed_at: event.data.failedAt } : null;
  }
}

/** Sets the given columns on the identity's row, creating it if needed; the row keeps the newest event's time. */
function upsert(rows: FactRows<LifecycleFact>, identityId: string, at: string, changes: Changes): void {
  const row: LifecycleFact = rows.get(identityId) ?? {
    identity_id: identityId,
    due_since: null,
    managed: false,
    last_rotated_at: null,
    expired_at: null,
    revocation_requested_at: null,
    revoked_at: null,
    rotation_requested_at: null,
    rotation_failed_at: null,
    updated_at: at,
  };
  rows.set(identityId, { ...row, ...changes, updated_at: latest(row.updated_at, at) ?? at });
}
