import type { EntityManager } from 'typeorm';
import type { EventDataByType, EventType, ReceivedEvent } from '@nhi/contracts';

/** Which part of an identity's life an entry is about. */
export type TimelineKind = 'INVENTORY' | 'FINDING' | 'OWNERSHIP' | 'ROTATION' | 'REVOCATION' | 'EXCEPTION';

export interface TimelineRow {
  source: string;
  event_id: string;
  identity_id: string;
  at: string;
  kind: TimelineKind;
  event_type: string;
  summary: string;
  actor: string | null;
}

type Describe<T extends EventType> = (data: EventDataByType[T]) => string;

/**
 * What each event metrics follows says on an identity's timeline: built only
 * from enumerated fields, counts and names of fields, never from free text
 * (reasons, notes, justifications, error messages), which a person wrote and
 * the timeline would repeat to every reader.
 */
const ENTRIES: { [T in EventType]?: { kind: TimelineKind; describe: Describe<T> } } = {
  'nhi.identity.discovered': { kind: 'INVENTORY', describe: (d) => `Discovered by ${d.source}` },
  'nhi.identity.updated': { kind: 'INVENTORY', describe: (d) => `Updated: ${d.changes.map((c) => c.field).join(', ') || 'no field'}` },
  'nhi.identity.stale': { kind: 'INVENTORY', describe: (d) => `Stale: missing from ${d.missedSnapshots} snapshots of its source` },
  'nhi.identity.decommissioned': { kind: 'INVENTORY', describe: () => 'Decommissioned' },
  'nhi.finding.opened': { kind: 'FINDING', describe: (d) => `Finding opened: ${d.category} ${d.code} (${d.severity})` },
  'nhi.finding.closed': { kind: 'FINDING', describe: (d) => `Finding closed: ${d.category}` },
  'nhi.ownership.assigned': { kind: 'OWNERSHIP', describe: (d) => `Owner assigned (${d.role}, via ${d.via})` },
  'nhi.ownership.unassigned': { kind: 'OWNERSHIP', describe: (d) => `Owner unassigned (${d.role})` },
  'nhi.ownership.orphaned': { kind: 'OWNERSHIP', describe: (d) => `Orphaned (${d.cause})` },
  'nhi.ownership.attested': { kind: 'OWNERSHIP', describe: (d) => `Ownership attested: ${d.decision}` },
  'nhi.credential.rotation-due': { kind: 'ROTATION', describe: (d) => (d.warning ? 'Rotation due soon' : 'Rotation due') },
  'nhi.credential.rotation-requested': { kind: 'ROTATION', describe: (d) => `Rotation requested (attempt ${d.attempt})` },
  'nhi.credential.rotation-failed': {
    kind: 'ROTATION',
    describe: (d) => (d.final ? `Rotation failed, no attempt left (attempt ${d.attempt})` : `Rotation attempt ${d.attempt} failed`),
  },
  'nhi.credential.rotated': { kind: 'ROTATION', describe: () => 'Credential rotated' },
  'nhi.credential.expired': { kind: 'ROTATION', describe: () => 'Credential expired' },
  'nhi.credential.revocation-requested': {
    kind: 'REVOCATION',
    describe: (d) => `Revocation requested (attempt ${d.attempt}${d.force ? ', forced' : ''})`,
  },
  'nhi.credential.revoked': { kind: 'REVOCATION', describe: () => 'Credential revoked' },
  'nhi.exception.requested': { kind: 'EXCEPTION', describe: (d) => `Exception requested (${d.control})` },
  'nhi.exception.approved': { kind: 'EXCEPTION', describe: (d) => `Exception approved (${d.control})` },
  'nhi.exception.rejected': { kind: 'EXCEPTION', describe: (d) => `Exception rejected (${d.control})` },
  'nhi.exception.expired': { kind: 'EXCEPTION', describe: (d) => `Exception expired (${d.control})` },
  'nhi.exception.revoked': { kind: 'EXCEPTION', describe: (d) => `Exception revoked (${d.control})` },
};

/** The identity an event is about: its identityId, the identity it carries, or (inventory's status events) its id. */
function identityOf(data: unknown): string | null {
  const fields = data as { identityId?: unknown; identity?: { id?: unknown }; id?: unknown };
  const id = fields.identityId ?? fields.identity?.id ?? fields.id;
  return typeof id === 'string' ? id : null;
}

/** The timeline rows of a run of events; events of types the timeline does not show give none. */
export function timelineRows(events: ReadonlyArray<ReceivedEvent>): TimelineRow[] {
  return events.flatMap((event) => {
    const entry = ENTRIES[event.type] as { kind: TimelineKind; describe: Describe<EventType> } | undefined;
    const identityId = identityOf(event.data);
    if (!entry || !identityId) return [];
    const actor = (event.data as { actor?: unknown }).actor;
    return [
      {
        source: event.source,
        event_id: event.id,
        identity_id: identityId,
        at: event.time,
        kind: entry.kind,
        event_type: event.type,
        summary: entry.describe(event.data),
        actor: typeof actor === 'string' ? actor : null,
      },
    ];
  });
}

/** Appends the rows; an event delivered again (same source and id) is the same entry. */
export async function saveTimeline(manager: EntityManager, rows: readonly TimelineRow[]): Promise<void> {
  if (rows.length === 0) return;
  await manager.query(
    `INSERT INTO identity_timeline (source, event_id, identity_id, at, kind, event_type, summary, actor)
     SELECT source, event_id, identity_id, at, kind, event_type, summary, actor
     FROM json_populate_recordset(NULL::identity_timeline, $1::json)
     ON CONFLICT (source, event_id) DO NOTHING`,
    [JSON.stringify(rows)],
  );
}
