import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { OwnershipStatus } from '@nhi/contracts';
import { EventBatchHandler, type ReceivedEventOf } from '@nhi/messaging';
import { FactRows, instant, latest, type FactRow } from './fact-rows';
import { FactsWriter } from './facts-writer';
import type { HistoryEntry } from './state-history';

interface OwnershipFact extends FactRow {
  identity_id: string;
  ownership_status: string;
  owner_id: string | null;
  last_attested_at: string | null;
  updated_at: string;
}

const COLUMNS: Array<keyof OwnershipFact & string> = ['identity_id', 'ownership_status', 'owner_id', 'last_attested_at', 'updated_at'];
const TYPES = ['nhi.ownership.assigned', 'nhi.ownership.unassigned', 'nhi.ownership.orphaned', 'nhi.ownership.attested'] as const;
type OwnershipEvent = ReceivedEventOf<(typeof TYPES)[number]>;

/** Who owns each identity and when it was last attested, as ownership's events tell it. */
@Injectable()
export class OwnershipFactsHandler {
  constructor(private readonly facts: FactsWriter) {}

  @EventBatchHandler(TYPES, {
    formerly: {
      'nhi.ownership.assigned': 'onAssigned',
      'nhi.ownership.unassigned': 'onUnassigned',
      'nhi.ownership.orphaned': 'onOrphaned',
      'nhi.ownership.attested': 'onAttested',
    },
  })
  async apply(events: readonly OwnershipEvent[], manager: EntityManager): Promise<void> {
    const rows = await FactRows.load<OwnershipFact>(
      manager,
      'ownership_facts',
      'identity_id',
      COLUMNS,
      events.map((e) => e.data.identityId),
    );
    const history: HistoryEntry[] = [];
    for (const event of events) fold(event, rows, history);
    await this.facts.write(manager, { events, tables: [rows], history, identityIds: events.map((e) => e.data.identityId) });
  }
}

/** Applies one event to the rows, as the per-event handlers did. */
function fold(event: OwnershipEvent, rows: FactRows<OwnershipFact>, history: HistoryEntry[]): void {
  const { identityId } = event.data;
  switch (event.type) {
    case 'nhi.ownership.assigned': {
      const { ownerId, role, ownershipStatus, assignedAt } = event.data;
      setOwnership(rows, history, identityId, ownershipStatus, role === 'PRIMARY' ? ownerId : undefined, assignedAt);
      break;
    }
    case 'nhi.ownership.unassigned': {
      const { role, ownershipStatus, unassignedAt } = event.data;
      setOwnership(rows, history, identityId, ownershipStatus, role === 'PRIMARY' ? null : undefined, unassignedAt);
      break;
    }
    case 'nhi.ownership.orphaned':
      setOwnership(rows, history, identityId, 'ORPHANED', null, event.data.orphanedAt);
      break;
    case 'nhi.ownership.attested': {
      const { attestedAt } = event.data;
      const row = rows.get(identityId);
      rows.set(
        identityId,
        row
          ? {
              ...row,
              last_attested_at: latest(row.last_attested_at, attestedAt),
              updated_at: latest(row.updated_at, attestedAt) ?? attestedAt,
            }
          : {
              identity_id: identityId,
              ownership_status: 'OWNED',
              owner_id: null,
              last_attested_at: attestedAt,
              updated_at: attestedAt,
            },
      );
      history.push({ identityId, attribute: 'attested', value: '1', at: attestedAt });
      break;
    }
  }
}

/** ownerId: the new PRIMARY owner, null for none, undefined when the event is about a BACKUP. An older event changes nothing. */
function setOwnership(
  rows: FactRows<OwnershipFact>,
  history: HistoryEntry[],
  identityId: string,
  status: OwnershipStatus,
  ownerId: string | null | undefined,
  at: string,
): void {
  const row = rows.get(identityId);
  if (!row) {
    rows.set(identityId, {
      identity_id: identityId,
      ownership_status: status,
      owner_id: ownerId ?? null,
      last_attested_at: null,
      updated_at: at,
    });
  } else if (instant(row.updated_at) <= instant(at)) {
    rows.set(identityId, { ...row, ownership_status: status, owner_id: ownerId === undefined ? row.owner_id : ownerId, updated_at: at });
  }
  history.push({ identityId, attribute: 'ownership', value: status, at });
}
