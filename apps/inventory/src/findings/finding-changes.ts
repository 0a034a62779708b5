import { timeOrderedUuid, type EventType } from '@nhi/contracts';
import type { OutboxEventInput } from '@nhi/messaging';
import type { FindingDraft } from './finding-draft';
import type { FindingEntity } from './finding.entity';

/** An open finding as stored, with what a reconcile compares. */
export type StoredFinding = Pick<FindingEntity, 'id' | 'identityId' | 'code' | 'subject' | 'category' | 'severity' | 'detail' | 'evidence'>;

/** What a reconcile writes: findings the rules now raise, ones that no longer hold, and ones whose wording moved. */
export interface FindingChanges {
  opened: Array<FindingDraft & { id: string; identityId: string }>;
  closed: StoredFinding[];
  refreshed: Array<FindingDraft & { id: string }>;
}

/** One open finding per identity, rule code and subject (a credential, or none). */
export const findingKey = (identityId: string, code: string, subject = '') => `${identityId}\n${code}\n${subject}`;

const keyOfStored = (f: StoredFinding) => findingKey(f.identityId, f.code, f.subject);
const sameEvidence = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((item, i) => item === b[i]);

/** The changes that make the open findings equal to the desired ones, keyed by findingKey. */
export function findingChanges(desired: ReadonlyMap<string, FindingDraft>, open: readonly StoredFinding[]): FindingChanges {
  const openKeys = new Set(open.map(keyOfStored));
  const opened = [...desired]
    .filter(([key]) => !openKeys.has(key))
    .map(([key, draft]) => ({ id: timeOrderedUuid(), identityId: key.slice(0, key.indexOf('\n')), ...draft }));
  const closed = open.filter((f) => !desired.has(keyOfStored(f)));
  const refreshed = open.flatMap((f) => {
    const draft = desired.get(keyOfStored(f));
    const moved = draft && (draft.severity !== f.severity || draft.detail !== f.detail || !sameEvidence(draft.evidence, f.evidence ?? []));
    return moved ? [{ id: f.id, ...draft }] : [];
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
        ...(f.subject ? { subject: f.subject } : {}),
        severity: f.severity,
        detail: f.detail,
        evidence: f.evidence.slice(0, 50).map((item) => item.slice(0, 1000)),
        detectedAt: at,
      },
    })),
    ...closed.map((f) => ({
      type: 'nhi.finding.closed' as const,
      subject: f.identityId,
      data: {
        identityId: f.identityId,
        findingId: f.id,
        category: f.category,
        code: f.code,
        ...(f.subject ? { subject: f.subject } : {}),
        closedAt: at,
      },
    })),
  ];
}
