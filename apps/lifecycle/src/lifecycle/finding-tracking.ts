import type { EntityManager } from 'typeorm';
import type { ReceivedEventOf } from '@nhi/messaging';

export type FindingEvent = ReceivedEventOf<'nhi.finding.opened' | 'nhi.finding.closed'>;

interface KnownFinding {
  finding_id: string;
  identity_id: string;
  category: string;
  open: boolean;
  updated_at: string;
}

const instant = (time: string) => new Date(time).getTime();

/**
 * Keeps which findings are open on which identity, from inventory's events,
 * for mass actions that select by finding category. A run is folded by
 * finding (the newest event wins; in a tie, the later in the partition) and
 * written in one statement; an event older than what is stored changes
 * nothing, so a partition read again cannot reopen a closed finding.
 */
export async function applyFindingEvents(manager: EntityManager, events: readonly FindingEvent[]): Promise<void> {
  const latest = new Map<string, KnownFinding>();
  for (const event of events) {
    const { findingId, identityId, category } = event.data;
    const at = event.type === 'nhi.finding.opened' ? event.data.detectedAt : event.data.closedAt;
    const seen = latest.get(findingId);
    if (seen && instant(seen.updated_at) > instant(at)) continue;
    latest.set(findingId, {
      finding_id: findingId,
      identity_id: identityId,
      category,
      open: event.type === 'nhi.finding.opened',
      updated_at: at,
    });
  }
  if (latest.size === 0) return;
  await manager.query(
    `INSERT INTO known_findings (finding_id, identity_id, category, open, updated_at)
     SELECT f.finding_id, f.identity_id, f.category, f.open, f.updated_at
     FROM jsonb_to_recordset($1::jsonb) AS f (finding_id uuid, identity_id uuid, category text, open boolean, updated_at timestamptz)
     ORDER BY f.finding_id
     ON CONFLICT (finding_id) DO UPDATE SET open = EXCLUDED.open, updated_at = EXCLUDED.updated_at
     WHERE known_findings.updated_at <= EXCLUDED.updated_at`,
    [JSON.stringify([...latest.values()])],
  );
}
