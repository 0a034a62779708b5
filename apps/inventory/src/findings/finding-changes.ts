import { timeOrderedUuid, type EventType } from '@nhi/contracts';
import type { OutboxEventInput } from '@nhi/messaging';
import type { FindingDraft } from './finding-draft';
import type { FindingEntity } from './finding.entity';

/** An open finding as stored, with what a reconcile compares. */
export type StoredFinding = Pick<FindingEntity, 'id' | 'identityId' | 'code' | 'category' | 'severity' | 'detail'>;

/** What a reconcile writes: findings the rules now raise, ones that no longer hold, and ones whose wording moved. */
export interface FindingChanges {
  opened: Array<FindingDraft & { id: string; identityId: string }>;
  closed: StoredFinding[];
  refreshed: Array<FindingDraft & { id: string }>;
}

/** One open finding per identity and rule code. */
export const findingKey = (identityId: string, code: string) => `${identityId}\n${code}`;

/** The changes that make the open findings equal to the desired ones, keyed by findingKey. */
export function findingChanges(desired: ReadonlyMap<string, FindingDraft>, open: readonly StoredFinding[]): FindingChanges {
  const openKeys = new Set(open.map((f) => findingKey(f.identityId, f.code)));
  const opened = [...desired]
    .filter(([key]) => !openKeys.has(key))
    .map(([key, draft]) => ({ id: timeOrderedUuid(), identityId: key.slice(0, key.indexOf('\n')), ...draft }));
  const closed = open.filter((f) => !desired.has(findingKey(f.identityId, f.code)));
  const refreshed = open.flatMap((f) => {
    const draft = desired.get(findingKey(f.identityId, f.code));
    return draft && (draft.severity !== f.severity || draft.detail !== f.detail) ? [{ id: f.id, ...draft }] : [];
  });
  return { opened, closed, refreshed };
}

/** An event for each finding opened or closed; a refreshed wording is no event. */
export function findingEvents({ opened, closed }: FindingChanges, now: Date): Array<OutboxEventInput<EventType>> {
  const at = now.toISOString();
  return [
    ...opened.map((f) => ({
      type: 'nhi.finding.opened' as const,
      subject: f.identityId,
      data: {
        identityId: f.identityId,
        findingId: f.id,
        category: f.category,
        code: f.code,
        severity: f.severity,
        detail: f.detail,
        detectedAt: at,
      },
    })),
    ...closed.map((f) => ({
      type: 'nhi.finding.closed' as const,
      subject: f.identityId,
      data: { identityId: f.identityId, findingId: f.id, category: f.category, code: f.code, closedAt: at },
    })),
  ];
}
