import type { Client } from 'pg';
import { checkResult, countBy, sample } from './check-result';
import type { Check, CheckContext, CheckResult } from './context';
import { rows, withDatabase } from './databases';

export const REQUESTS_TERMINAL = 'requests-terminal-and-applied-once';

type Handshake = 'rotation' | 'revocation';

interface RequestRow {
  id: string;
  identity_id: string;
  status: 'REQUESTED' | 'COMPLETED' | 'FAILED' | 'TIMED_OUT';
  attempt: number;
  deadline: Date;
  completed_at: Date | null;
  next_attempt_at: Date | null;
  retried_at: Date | null;
}

interface SettleEvent {
  id: string;
  type: string;
  request_id: string | null;
  identity_id: string | null;
  rotated_at: string | null;
  /** revocation-failed says FAILED or TIMED_OUT. */
  ended: string | null;
  created_at: Date;
}

/**
 * The lifecycle event each way of settling an attempt publishes, in the same
 * transaction as the request row's new status (apps/lifecycle/src/handshake):
 * exactly one per settled attempt. A result applied twice leaves two.
 */
const SETTLED_BY: Record<Handshake, Record<Exclude<RequestRow['status'], 'REQUESTED'>, string>> = {
  rotation: {
    COMPLETED: 'nhi.credential.rotated',
    FAILED: 'nhi.credential.rotation-failed',
    TIMED_OUT: 'nhi.credential.rotation-timed-out',
  },
  revocation: {
    COMPLETED: 'nhi.credential.revoked',
    FAILED: 'nhi.credential.revocation-failed',
    TIMED_OUT: 'nhi.credential.revocation-failed',
  },
};

/** An attempt nothing will follow (mass-action-ledger.ts ENDED_FOR_GOOD): settled, and no retry due or the retry was made or decided against. */
const isTerminal = (r: RequestRow) => r.status !== 'REQUESTED' && (r.next_attempt_at === null || r.retried_at !== null);

interface Findings {
  lost: number;
  doubled: number;
  failed: boolean;
  evidence: string[];
}

async function lifecycleState(db: Client) {
  const requests = async (table: string) =>
    rows<RequestRow>(
      db,
      `SELECT id::text, identity_id::text, status, attempt, deadline, completed_at, next_attempt_at, retried_at FROM ${table}`,
    );
  const types = [...Object.values(SETTLED_BY.rotation), ...Object.values(SETTLED_BY.revocation)];
  return {
    rotation: await requests('rotation_requests'),
    revocation: await requests('revocation_requests'),
    events: await rows<SettleEvent>(
      db,
      `SELECT id::text, payload->>'type' AS type, lower(payload->'data'->>'requestId') AS request_id,
              lower(payload->'data'->>'identityId') AS identity_id, payload->'data'->>'rotatedAt' AS rotated_at,
              payload->'data'->>'status' AS ended, created_at
       FROM outbox_events WHERE payload->>'type' = ANY($1::text[]) ORDER BY seq`,
      [[...new Set(types)]],
    ),
    /** The outbox keeps published rows for OUTBOX_RETENTION_HOURS: older settlements may have no row left. */
    oldestOutboxRow: (await rows<{ at: Date | null }>(db, 'SELECT min(created_at) AS at FROM outbox_events'))[0]?.at ?? null,
    identities: await rows<{ identity_id: string; state: string; last_rotated_at: Date | null }>(
      db,
      `SELECT identity_id::text, state, last_rotated_at FROM identity_lifecycle
       WHERE identity_id IN (SELECT identity_id FROM rotation_requests WHERE status = 'COMPLETED'
                             UNION SELECT identity_id FROM revocation_requests WHERE status = 'COMPLETED')`,
    ),
  };
}

/** Every request row terminal (none stuck REQUESTED, no retry to come), and every id the workload got back present. */
function judgeTerminal(handshake: Handshake, requests: readonly RequestRow[], workloadIds: readonly string[]): Findings {
  const found: Findings = { lost: 0, doubled: 0, failed: false, evidence: [] };
  const stuck = requests.filter((r) => r.status === 'REQUESTED');
  const retryDue = requests.filter((r) => r.status !== 'REQUESTED' && !isTerminal(r));
  if (stuck.length > 0) {
    found.lost += stuck.length;
    const which = stuck.map((r) => `${r.id} (deadline ${r.deadline.toISOString()})`);
    found.evidence.push(`${stuck.length} ${handshake}s still REQUESTED: ${sample(which, 5)}`);
  }
  if (retryDue.length > 0) {
    found.failed = true;
    const which = retryDue.map((r) => `${r.id} (${r.status}, attempt ${r.attempt}, retry at ${r.next_attempt_at?.toISOString()})`);
    found.evidence.push(`${retryDue.length} ${handshake}s with a retry still to come: ${sample(which, 5)}`);
  }
  const known = new Set(requests.map((r) => r.id));
  const unknown = [...new Set(workloadIds.map((id) => id.toLowerCase()))].filter((id) => !known.has(id));
  if (unknown.length > 0) {
    found.lost += unknown.length;
    found.evidence.push(`${unknown.length} ${handshake} request ids the workload got back are not in lifecycle: ${sample(unknown)}`);
  }
  return found;
}

/** What is wrong with one request's settling events: settled twice, not at all, or otherwise than its row says. */
function settlingOf(
  handshake: Handshake,
  request: RequestRow,
  settled: readonly SettleEvent[],
  oldestOutboxRow: Date | null,
): 'twice' | 'without' | 'mismatched' | null {
  if (request.status === 'REQUESTED') return settled.length > 0 ? 'twice' : null;
  if (settled.length > 1) return 'twice';
  if (settled.length === 0) {
    // Purged with the outbox's retention rather than never written: not evidence either way.
    return !oldestOutboxRow || !request.completed_at || request.completed_at >= oldestOutboxRow ? 'without' : null;
  }
  const [event] = settled;
  const ended = handshake === 'revocation' && request.status !== 'COMPLETED' ? event?.ended === request.status : true;
  return event?.type === SETTLED_BY[handshake][request.status] && ended ? null : 'mismatched';
}

/** One settling event per settled attempt (none for one still REQUESTED), of the kind its status says. */
function judgeSettledOnce(
  handshake: Handshake,
  requests: readonly RequestRow[],
  events: readonly SettleEvent[],
  oldestOutboxRow: Date | null,
): Findings {
  const settleTypes = new Set(Object.values(SETTLED_BY[handshake]));
  const mine = events.filter((e) => settleTypes.has(e.type));
  const eventsOf = new Map<string, SettleEvent[]>();
  for (const event of mine) eventsOf.set(event.request_id ?? '', [...(eventsOf.get(event.request_id ?? '') ?? []), event]);
  const statuses = countBy(requests, (r) => r.status);
  const evidence = [
    `${handshake}_requests: ${requests.length} (${[...statuses].map(([s, n]) => `${s} ${n}`).join(', ') || 'none'}); ` +
      `${mine.length} settling events in lifecycle's outbox`,
  ];
  const wrong = { twice: [] as string[], without: [] as string[], mismatched: [] as string[] };
  for (const request of requests) {
    const settled = eventsOf.get(request.id) ?? [];
    const problem = settlingOf(handshake, request, settled, oldestOutboxRow);
    if (problem)
      wrong[problem].push(
        `${request.id} (${request.status}: ${settled.map((e) => e.type.replace('nhi.credential.', '')).join(', ') || 'no event'})`,
      );
  }
  const known = new Set(requests.map((r) => r.id));
  const orphans = mine.filter((e) => !known.has(e.request_id ?? '')).map((e) => e.id);
  if (wrong.twice.length > 0)
    evidence.push(`${wrong.twice.length} ${handshake} attempts settled more than once: ${sample(wrong.twice, 5)}`);
  if (wrong.without.length > 0)
    evidence.push(`${wrong.without.length} settled ${handshake} attempts without their event: ${sample(wrong.without, 5)}`);
  if (wrong.mismatched.length > 0) {
    evidence.push(
      `${wrong.mismatched.length} ${handshake} attempts whose event says otherwise than their row: ${sample(wrong.mismatched, 5)}`,
    );
  }
  if (orphans.length > 0) evidence.push(`${orphans.length} ${handshake} events for requests lifecycle has no row of: ${sample(orphans)}`);
  return {
    lost: wrong.without.length + wrong.mismatched.length,
    doubled: wrong.twice.length + orphans.length,
    failed: false,
    evidence,
  };
}

/**
 * A rotation reaches inventory as lifecycle's nhi.credential.rotated; inventory
 * applies it once (its inbox) and says so with one nhi.identity.updated of
 * source 'lifecycle' (apps/inventory/src/consumers/lifecycle-events.handler.ts).
 * Per identity: those updates against lifecycle's rotated events; and
 * identity_lifecycle.last_rotated_at against the newest rotated event.
 */
async function judgeInventory(
  ctx: CheckContext,
  rotated: readonly SettleEvent[],
  identities: ReadonlyArray<{ identity_id: string; state: string; last_rotated_at: Date | null }>,
): Promise<Findings> {
  const found: Findings = { lost: 0, doubled: 0, failed: false, evidence: [] };
  const inventory = await withDatabase(ctx.databaseUrl('inventory'), async (db) => ({
    applied: await rows<{ identity_id: string; n: string }>(
      db,
      `SELECT lower(payload->>'subject') AS identity_id, count(*) AS n FROM outbox_events
       WHERE payload->>'type' = 'nhi.identity.updated' AND payload->'data'->>'source' = 'lifecycle' GROUP BY 1`,
    ),
    consumed: await rows<{ event_id: string }>(
      db,
      `SELECT DISTINCT event_id FROM inbox_events WHERE event_type = 'nhi.credential.rotated'`,
    ),
  }));
  const appliedBy = new Map(inventory.applied.map((r) => [r.identity_id, Number(r.n)]));
  const rotatedBy = countBy(rotated, (e) => e.identity_id ?? '');
  const consumed = new Set(inventory.consumed.map((r) => r.event_id.toLowerCase()));
  const unconsumed = rotated.filter((e) => !consumed.has(e.id.toLowerCase()));
  found.evidence.push(
    `inventory consumed ${rotated.length - unconsumed.length} of ${rotated.length} rotated events and applied ` +
      `${[...appliedBy.values()].reduce((a, b) => a + b, 0)} credential changes from lifecycle`,
  );
  if (unconsumed.length > 0) found.evidence.push(`rotated events inventory never consumed: ${sample(unconsumed.map((e) => e.id))}`);
  const more: string[] = [];
  const fewer: string[] = [];
  for (const identityId of new Set([...appliedBy.keys(), ...rotatedBy.keys()])) {
    const applied = appliedBy.get(identityId) ?? 0;
    const expected = rotatedBy.get(identityId) ?? 0;
    if (applied > expected) {
      found.doubled += applied - expected;
      more.push(`${identityId} (${applied} changes for ${expected} rotations)`);
    } else if (applied < expected) {
      found.lost += expected - applied;
      fewer.push(`${identityId} (${applied} changes for ${expected} rotations)`);
    }
  }
  if (more.length > 0) found.evidence.push(`inventory applied a rotation more than once for ${more.length} identities: ${sample(more, 5)}`);
  if (fewer.length > 0) found.evidence.push(`inventory is missing rotations of ${fewer.length} identities: ${sample(fewer, 5)}`);

  const newest = new Map<string, string>();
  for (const event of rotated) if (event.identity_id && event.rotated_at) newest.set(event.identity_id, event.rotated_at);
  const stale = identities.filter((i) => {
    const at = newest.get(i.identity_id);
    return at !== undefined && (i.last_rotated_at === null || i.last_rotated_at.getTime() !== Date.parse(at));
  });
  if (stale.length > 0) {
    found.lost += stale.length;
    found.evidence.push(
      `identity_lifecycle.last_rotated_at is not the newest rotation for ${stale.length}: ` +
        sample(
          stale.map((i) => `${i.identity_id} (${i.last_rotated_at?.toISOString() ?? 'null'} vs ${newest.get(i.identity_id)})`),
          5,
        ),
    );
  }
  return found;
}

/** An identity is revoked once: one COMPLETED revocation, and REVOKED after it. */
function judgeRevoked(revocations: readonly RequestRow[], identities: ReadonlyArray<{ identity_id: string; state: string }>): Findings {
  const found: Findings = { lost: 0, doubled: 0, failed: false, evidence: [] };
  const completed = countBy(
    revocations.filter((r) => r.status === 'COMPLETED'),
    (r) => r.identity_id,
  );
  const twice = [...completed].filter(([, n]) => n > 1);
  if (twice.length > 0) {
    found.doubled += twice.reduce((sum, [, n]) => sum + n - 1, 0);
    found.evidence.push(`identities revoked more than once: ${sample(twice.map(([id, n]) => `${id} (${n})`))}`);
  }
  const stateOf = new Map(identities.map((i) => [i.identity_id, i.state]));
  const notRevoked = [...completed.keys()].filter((id) => stateOf.get(id) !== 'REVOKED');
  if (notRevoked.length > 0) {
    found.lost += notRevoked.length;
    found.evidence.push(`revoked yet not REVOKED in identity_lifecycle: ${sample(notRevoked.map((id) => `${id} (${stateOf.get(id)})`))}`);
  }
  return found;
}

/**
 * lifecycle's rotation_requests and revocation_requests: each attempt terminal
 * (COMPLETED, or FAILED/TIMED_OUT with no retry to come), none stuck
 * REQUESTED, each request id the workload got back present; each settled
 * attempt settled exactly once (one settling event in lifecycle's outbox, as
 * a duplicate, late or out-of-order result must be ignored); each rotation
 * applied once by inventory; each revocation once. lost = stuck or missing
 * requests and applications; doubled = attempts settled or applied twice.
 */
async function run(ctx: CheckContext): Promise<CheckResult> {
  const state = await withDatabase(ctx.databaseUrl('lifecycle'), lifecycleState);
  const parts = [
    judgeSettledOnce('rotation', state.rotation, state.events, state.oldestOutboxRow),
    judgeTerminal('rotation', state.rotation, ctx.rotationRequestIds),
    judgeSettledOnce('revocation', state.revocation, state.events, state.oldestOutboxRow),
    judgeTerminal('revocation', state.revocation, ctx.revocationRequestIds),
    await judgeInventory(
      ctx,
      state.events.filter((e) => e.type === SETTLED_BY.rotation.COMPLETED),
      state.identities,
    ),
    judgeRevoked(state.revocation, state.identities),
  ];
  const evidence = parts.flatMap((p) => p.evidence);
  if (ctx.redeliveredResults > 0) evidence.push(`the run re-delivered ${ctx.redeliveredResults} integrator results (same requestId)`);
  return checkResult(REQUESTS_TERMINAL, {
    lost: parts.reduce((sum, p) => sum + p.lost, 0),
    doubled: parts.reduce((sum, p) => sum + p.doubled, 0),
    evidence,
    failed: parts.some((p) => p.failed),
  });
}

export const requestsTerminal: Check = { name: REQUESTS_TERMINAL, run };
