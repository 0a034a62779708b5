import { randomUUID } from 'node:crypto';
import { createEvent, EVENT_TYPES, NhiEvent, serializeEvent, type EventType } from '@nhi/contracts';
import { identityDiscoveredData, ownershipAssignedData } from '@nhi/testing';

const DAY_MS = 86_400_000;
const BUSINESS_UNITS = ['Payments', 'Data', 'Platform', 'Retail', 'Risk', 'HR', 'Marketing', 'Research'];
const KINDS = ['SERVICE_ACCOUNT', 'API_KEY', 'ACCESS_TOKEN', 'SECRET', 'CERTIFICATE', 'WORKLOAD_IDENTITY', 'AI_AGENT'] as const;

export interface BenchMessage {
  topic: string;
  key: string;
  value: string;
}

/**
 * The events the other services would publish about identity i of a
 * synthetic estate, deterministic in i: discovered, owned (70%), due (25%),
 * rotated (35%), a finding (30%, a third of them closed) and an approved
 * exception (4%). Event times spread over the past year.
 */
export function estateEvents(i: number, now: Date, topicPrefix: string): BenchMessage[] {
  const id = randomUUID();
  const discoveredAt = new Date(now.getTime() - (1 + (i % 365)) * DAY_MS);
  const later = (days: number) => new Date(Math.min(now.getTime(), discoveredAt.getTime() + days * DAY_MS)).toISOString();
  const out: BenchMessage[] = [];
  const add = <T extends EventType>(type: T, source: string, data: Parameters<typeof createEvent<T>>[0]['data']) => {
    const event: NhiEvent = createEvent({ source, type, subject: id, data });
    out.push({ topic: `${topicPrefix}${EVENT_TYPES[type].topic}`, key: id, value: serializeEvent(event) });
  };
  add(
    'nhi.identity.discovered',
    'inventory',
    identityDiscoveredData(
      { id, businessUnit: BUSINESS_UNITS[i % BUSINESS_UNITS.length], kind: KINDS[i % KINDS.length], createdAt: discoveredAt.toISOString() },
      discoveredAt.toISOString(),
    ),
  );
  if (i % 10 < 7)
    add(
      'nhi.ownership.assigned',
      'ownership',
      ownershipAssignedData(id, '00000000-0000-4000-8000-00000000000' + (i % 8), { assignedAt: later(1) }),
    );
  if (i % 4 === 0)
    add('nhi.credential.rotation-due', 'lifecycle', {
      identityId: id,
      dueAt: later(90),
      warning: false,
      policy: 'default',
      autoRotate: i % 8 === 0,
    });
  if (i % 20 < 7) {
    add('nhi.credential.rotated', 'lifecycle', {
      requestId: randomUUID(),
      identityId: id,
      rotatedAt: later(30),
      newCredentialFingerprint: null,
      newExpiresAt: null,
      nextRotationDueAt: later(120),
    });
  }
  if (i % 10 < 3) {
    const finding = { identityId: id, findingId: randomUUID(), category: 'NHI7' as const, code: 'CREDENTIAL_TOO_OLD' };
    add('nhi.finding.opened', 'inventory', { ...finding, severity: 'MEDIUM', detail: 'bench', detectedAt: later(2) });
    if (i % 10 === 0) add('nhi.finding.closed', 'inventory', { ...finding, closedAt: later(40) });
  }
  if (i % 25 === 0) {
    const exception = { exceptionId: randomUUID(), identityId: id, control: 'ROTATION' as const, expiresAt: later(200), groupId: null };
    add('nhi.exception.requested', 'exceptions', {
      ...exception,
      actor: 'rita',
      at: later(3),
      justification: 'bench',
      compensatingControls: [],
      riskRating: null,
      renewsId: null,
    });
    add('nhi.exception.approved', 'exceptions', { ...exception, actor: 'sam', at: later(4), note: null });
  }
  return out;
}
