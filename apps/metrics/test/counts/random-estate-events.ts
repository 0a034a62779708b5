import { randomUUID } from 'node:crypto';
import {
  createEvent,
  EVENT_TYPES,
  serializeEvent,
  type EventDataByType,
  type EventType,
  type FindingCategory,
  type NhiEvent,
} from '@nhi/contracts';
import { identitySnapshot, waitFor, type SubgraphUnderTest } from '@nhi/testing';

const DAY_MS = 86_400_000;
const BUSINESS_UNITS = ['Payments', 'Data', 'Risk', null];
const KINDS = ['SERVICE_ACCOUNT', 'API_KEY', 'AI_AGENT', 'SECRET'] as const;
const CATEGORIES: FindingCategory[] = ['NHI1', 'NHI2', 'NHI5', 'NHI7', 'NHI9'];
const OWNERSHIP = ['OWNED', 'ORPHANED', 'UNASSIGNED'] as const;

/** A small deterministic generator (mulberry32), so a failure can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * `count` events of every type metrics applies, about `identities`
 * identities, in a random order and with random times from 200 days before
 * `now` to 10 days after it: older events after newer ones, events about an
 * identity before its discovery, findings closed that were never opened,
 * exceptions decided before they were requested; many of them within a
 * day of the `hotSpots`. What the running totals must survive. With
 * `before`, every event time is before it (one that would not be is
 * mirrored to as far before it), while exception expiries may still be past it.
 */
export function randomEstateEvents(
  seed: number,
  count: number,
  identities: number,
  now: Date,
  hotSpots: readonly Date[],
  before?: Date,
): NhiEvent[] {
  const next = random(seed);
  const pick = <T>(values: readonly T[]): T => values[Math.floor(next() * values.length)] as T;
  const limit = before?.getTime() ?? Infinity;
  // A third of the times fall within half a day of a hot spot (where a window starts or ends), so that its day's edge is crowded.
  const time = () => {
    const at =
      next() < 0.35
        ? pick(hotSpots).getTime() + Math.floor((next() - 0.5) * DAY_MS)
        : now.getTime() + Math.floor((next() * 210 - 200) * DAY_MS);
    return new Date(at < limit ? at : 2 * limit - at - 1).toISOString();
  };
  const ids: string[] = Array.from({ length: identities }, () => randomUUID());
  const findings = new Map(ids.map((id) => [id, [randomUUID(), randomUUID()]]));
  const exceptions = new Map(ids.map((id) => [id, [randomUUID(), randomUUID()]]));
  const snapshot = (id: string) =>
    identitySnapshot({
      id,
      businessUnit: pick(BUSINESS_UNITS),
      kind: pick(KINDS),
      environment: pick(['PRODUCTION', 'STAGING'] as const),
      provider: pick(['aws', 'gcp']),
      system: next() < 0.5 ? 'billing' : null,
      privilegeLevel: next() < 0.5 ? pick(['LOW', 'ADMIN'] as const) : null,
      createdAt: next() < 0.5 ? time() : null,
      status: pick(['ACTIVE', 'ACTIVE', 'STALE', 'DECOMMISSIONED'] as const),
    });
  const builders: Array<(id: string) => [EventType, unknown]> = [
    (id) => ['nhi.identity.discovered', { identity: { ...snapshot(id), status: 'ACTIVE' }, source: 'aws-config', discoveredAt: time() }],
    (id) => {
      const identity = snapshot(id);
      const changes = [{ field: 'businessUnit', previous: null, current: identity.businessUnit }];
      return ['nhi.identity.updated', { identity, changes, source: 'aws-config', updatedAt: time() }];
    },
    (id) => ['nhi.identity.stale', { id, lastSeenAt: time(), staleAt: time(), missedSnapshots: 2 }],
    (id) => ['nhi.identity.decommissioned', { id, reason: 'gone', decommissionedBy: 'alice', decommissionedAt: time() }],
    (id) => ['nhi.finding.opened', { ...finding(id), severity: 'MEDIUM', detail: 'random', detectedAt: time() }],
    (id) => ['nhi.finding.closed', { ...finding(id), closedAt: time() }],
    (id) => {
      const role = pick(['PRIMARY', 'BACKUP'] as const);
      const data = { ownerRef: 'team-a', previousOwnerId: null, via: 'MANUAL', actor: 'alice', reason: null };
      return [
        'nhi.ownership.assigned',
        { ...data, identityId: id, ownerId: randomUUID(), role, ownershipStatus: pick(OWNERSHIP), assignedAt: time() },
      ];
    },
    (id) => [
      'nhi.ownership.unassigned',
      {
        identityId: id,
        ownerId: randomUUID(),
        role: pick(['PRIMARY', 'BACKUP'] as const),
        ownershipStatus: pick(OWNERSHIP),
        actor: 'alice',
        reason: null,
        unassignedAt: time(),
      },
    ],
    (id) => [
      'nhi.ownership.orphaned',
      { identityId: id, previousOwnerId: randomUUID(), cause: 'OWNER_DEACTIVATED', actor: 'hr', orphanedAt: time(), graceEndsAt: time() },
    ],
    (id) => [
      'nhi.ownership.attested',
      { identityId: id, campaignId: randomUUID(), ownerId: randomUUID(), decision: 'KEEP', note: null, actor: 'bob', attestedAt: time() },
    ],
    (id) => [
      'nhi.credential.rotation-due',
      { identityId: id, dueAt: time(), warning: next() < 0.3, policy: 'default', autoRotate: next() < 0.3 },
    ],
    (id) => [
      'nhi.credential.rotated',
      {
        requestId: randomUUID(),
        identityId: id,
        rotatedAt: time(),
        newCredentialFingerprint: null,
        newExpiresAt: null,
        nextRotationDueAt: time(),
      },
    ],
    (id) => ['nhi.credential.expired', { identityId: id, expiresAt: time(), expiredAt: time() }],
    (id) => [
      'nhi.credential.revocation-requested',
      {
        requestId: randomUUID(),
        identityId: id,
        attempt: pick([1, 1, 2]),
        reason: 'leaked',
        force: false,
        requestedAt: time(),
        deadline: time(),
      },
    ],
    (id) => ['nhi.credential.revoked', { requestId: randomUUID(), identityId: id, revokedAt: time() }],
    (id) => [
      'nhi.exception.requested',
      { ...exception(id), justification: 'needed', compensatingControls: [], riskRating: null, renewsId: null },
    ],
    (id) => ['nhi.exception.approved', { ...exception(id), note: null }],
    (id) => ['nhi.exception.rejected', { ...exception(id), note: 'no' }],
    (id) => ['nhi.exception.expired', { ...exception(id), previousStatus: 'APPROVED' }],
    (id) => ['nhi.exception.revoked', { ...exception(id), reason: 'done' }],
  ];
  function finding(id: string) {
    return { identityId: id, findingId: pick(findings.get(id) ?? []), category: pick(CATEGORIES), code: 'RANDOM' };
  }
  function exception(id: string) {
    // An exception's expiry and control are its own, near a hot spot or not; each event says them again.
    const exceptionId = pick(exceptions.get(id) ?? []);
    const spread = parseInt(exceptionId.slice(0, 6), 16);
    const expiresAt = new Date(
      spread % 2 === 0
        ? (hotSpots[spread % hotSpots.length] ?? now).getTime() + ((spread % 1000) - 500) * 86_400
        : now.getTime() + ((spread % 40) - 20) * DAY_MS + 3_600_000,
    ).toISOString();
    return { exceptionId, identityId: id, control: 'ROTATION', expiresAt, groupId: null, actor: 'rita', at: time() };
  }
  const sources: Record<string, string> = {
    identity: 'inventory',
    finding: 'inventory',
    ownership: 'ownership',
    credential: 'lifecycle',
    exception: 'exceptions',
  };
  return Array.from({ length: count }, () => {
    const id = pick(ids);
    // Discoveries are weighted up, so that most identities exist by the end.
    const [type, data] = next() < 0.15 ? builders[0](id) : pick(builders)(id);
    return createEvent({
      source: sources[type.split('.')[1]] ?? 'inventory',
      type,
      subject: id,
      data: data as EventDataByType[typeof type],
    });
  });
}

/** Publishes the events on their topics (each topic's in the order given) and waits until metrics has applied them all. */
export async function publishAndApply(subgraph: SubgraphUnderTest, events: readonly NhiEvent[], seed: number): Promise<void> {
  const byTopic = new Map<string, NhiEvent[]>();
  for (const event of events) byTopic.set(EVENT_TYPES[event.type].topic, [...(byTopic.get(EVENT_TYPES[event.type].topic) ?? []), event]);
  for (const [topic, published] of byTopic) {
    await subgraph.kafka.produceMany(
      subgraph.topic(topic),
      published.map((event) => ({ key: event.subject, value: serializeEvent(event) })),
    );
  }
  await waitFor(async () => Number((await subgraph.sql<{ n: string }>('SELECT count(*) AS n FROM inbox_events'))[0]?.n) === events.length, {
    what: `metrics to apply all ${events.length} events (seed ${seed})`,
    timeoutMs: 120_000,
  });
}
