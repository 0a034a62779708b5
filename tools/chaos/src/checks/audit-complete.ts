import { matchGroups, matchOneByOne, type AuditedGroup, type AuditRecordRow } from './audit-matching';
import { checkResult, sample } from './check-result';
import { SERVICE_NAMES, type Check, type CheckContext, type CheckResult } from './context';
import { rows, withDatabase } from './databases';

export const AUDIT_COMPLETE = 'audit-complete';

/** The mutations whose rows are checked here, by the operation (the GraphQL mutation field) their record names. */
const OPERATIONS = [
  'requestRotation',
  'requestRevocation',
  'requestRotations',
  'requestRevocations',
  'requestBulkRevocation',
  'requestException',
  'requestExceptions',
] as const;
type Operation = (typeof OPERATIONS)[number];

/**
 * Reasons lifecycle itself gives the attempts it starts (due-rotations.ts,
 * revocation-triggers.handler.ts, held-enforcement.ts): no mutation, no record.
 * Retries (attempt > 1) are the clock's too.
 */
const TRIGGER_REASONS = [
  /^due under policy "/,
  /^due since .*; held by an exception that ended$/,
  /^decommissioned by /,
  /^orphan: /,
  / \(held by an exception that ended\)$/,
];
const BULK_REASON = /^bulk, by (.*?): /;

interface RequestRow {
  id: string;
  identity_id: string;
  attempt: number;
  reason: string;
  mass_action_id: string | null;
  requested_at: Date;
}

interface Gaps {
  lost: number;
  doubled: number;
  evidence: string[];
}

async function auditRecords(ctx: CheckContext): Promise<{ byOperation: Map<Operation, AuditRecordRow[]>; ids: Set<string> }> {
  return withDatabase(ctx.databaseUrl('metrics'), async (db) => {
    const found = await rows<{ id: string; operation: Operation; actor: string; at: Date; target_ids: string[] }>(
      db,
      `SELECT id::text, operation, actor, at, target_ids FROM audit_records WHERE outcome = 'SUCCEEDED' AND operation = ANY($1::text[])`,
      [[...OPERATIONS]],
    );
    const byOperation = new Map<Operation, AuditRecordRow[]>(OPERATIONS.map((op) => [op, []]));
    for (const r of found) {
      byOperation
        .get(r.operation)
        ?.push({ id: r.id, operation: r.operation, actor: r.actor, at: r.at, targets: new Set(r.target_ids.map((t) => t.toLowerCase())) });
    }
    const all = await rows<{ id: string }>(db, 'SELECT id::text FROM audit_records');
    return { byOperation, ids: new Set(all.map((r) => r.id)) };
  });
}

/** Every audit event any service put in its outbox is in metrics' audit_records. */
async function outboxRecordsKept(ctx: CheckContext, kept: Set<string>): Promise<Gaps> {
  const missing: string[] = [];
  let written = 0;
  for (const service of SERVICE_NAMES) {
    const ids = await withDatabase(ctx.databaseUrl(service), (db) =>
      rows<{ id: string }>(db, `SELECT id::text FROM outbox_events WHERE payload->>'type' = 'nhi.audit.recorded'`),
    );
    written += ids.length;
    missing.push(...ids.filter((r) => !kept.has(r.id)).map((r) => `${service}:${r.id}`));
  }
  const evidence = [`${written} audit records in the services' outboxes, ${kept.size} in metrics' audit_records`];
  if (missing.length > 0) evidence.push(`${missing.length} audit records written but not in audit_records: ${sample(missing)}`);
  return { lost: missing.length, doubled: 0, evidence };
}

/** Rotation or revocation requests: each mutation's (one by one, in bulk, or a mass action's) against its record. */
function requestGaps(
  label: 'rotation' | 'revocation',
  requests: readonly RequestRow[],
  massActions: ReadonlyArray<{ id: string; requested_by: string; started_at: Date }>,
  workloadIds: ReadonlySet<string>,
  records: Map<Operation, AuditRecordRow[]>,
): Gaps {
  const single = label === 'rotation' ? 'requestRotation' : 'requestRevocation';
  const mass = label === 'rotation' ? 'requestRotations' : 'requestRevocations';
  const byMutation: RequestRow[] = [];
  const bulk = new Map<string, RequestRow[]>();
  let byClock = 0;
  for (const r of requests) {
    if (r.mass_action_id) continue;
    const fromWorkload = workloadIds.has(r.id);
    if (!fromWorkload && (r.attempt > 1 || TRIGGER_REASONS.some((reason) => reason.test(r.reason)))) byClock += 1;
    else if (!fromWorkload && BULK_REASON.test(r.reason)) {
      const key = `${r.requested_at.toISOString()} ${r.reason}`;
      bulk.set(key, [...(bulk.get(key) ?? []), r]);
    } else byMutation.push(r);
  }
  const one = matchOneByOne(
    byMutation.map((r) => ({ id: r.id, identityId: r.identity_id })),
    records.get(single) ?? [],
  );
  const groups: AuditedGroup[] = massActions.map((m) => {
    const mine = requests.filter((r) => r.mass_action_id === m.id);
    return {
      key: `mass action ${m.id}`,
      ids: new Set([m.id, ...mine.flatMap((r) => [r.id, r.identity_id])]),
      actor: m.requested_by,
      at: m.started_at,
    };
  });
  const bulkGroups: AuditedGroup[] = [...bulk.values()].map((group) => ({
    key: `bulk revocation of ${group.length} at ${group[0]?.requested_at.toISOString()}`,
    ids: new Set(group.flatMap((r) => [r.id, r.identity_id])),
    actor: BULK_REASON.exec(group[0]?.reason ?? '')?.[1] ?? null,
    at: group[0]?.requested_at ?? new Date(0),
  }));
  const massUnrecorded = matchGroups(groups, records.get(mass) ?? []);
  const bulkUnrecorded = matchGroups(bulkGroups, records.get('requestBulkRevocation') ?? []);
  const evidence = [
    `${label} requests: ${byMutation.length} by ${single}, ${requests.length - byMutation.length - byClock - [...bulk.values()].flat().length} in ` +
      `${massActions.length} mass actions${bulk.size > 0 ? `, ${bulk.size} bulk revocations` : ''}, ${byClock} by lifecycle's triggers and retries`,
  ];
  if (one.unrecorded.length > 0) evidence.push(`${label} requests without a ${single} record: ${sample(one.unrecorded)}`);
  if (one.recordedTwice.length > 0) evidence.push(`${label} requests named by two ${single} records: ${sample(one.recordedTwice)}`);
  const groupsUnrecorded = [...massUnrecorded, ...bulkUnrecorded];
  if (groupsUnrecorded.length > 0) evidence.push(`without their ${mass}/requestBulkRevocation record: ${sample(groupsUnrecorded, 5)}`);
  return { lost: one.unrecorded.length + groupsUnrecorded.length, doubled: one.recordedTwice.length, evidence };
}

/** Policy exceptions: one by requestException, or a group by requestExceptions. */
async function exceptionGaps(ctx: CheckContext, records: Map<Operation, AuditRecordRow[]>): Promise<Gaps> {
  const exceptions = await withDatabase(ctx.databaseUrl('exceptions'), (db) =>
    rows<{ id: string; identity_id: string; group_id: string | null; requested_by: string; requested_at: Date }>(
      db,
      'SELECT id::text, identity_id::text, group_id::text, requested_by, requested_at FROM policy_exceptions',
    ),
  );
  const single = exceptions.filter((e) => !e.group_id);
  const one = matchOneByOne(
    single.map((e) => ({ id: e.id, identityId: e.identity_id })),
    records.get('requestException') ?? [],
  );
  const groups = new Map<string, AuditedGroup>();
  for (const e of exceptions.filter((x) => x.group_id)) {
    const key = e.group_id ?? '';
    const group = groups.get(key) ?? { key: `exception group ${key}`, ids: new Set([key]), actor: e.requested_by, at: e.requested_at };
    group.ids.add(e.id).add(e.identity_id);
    groups.set(key, group);
  }
  const groupsUnrecorded = matchGroups([...groups.values()], records.get('requestExceptions') ?? []);
  const evidence = [
    `policy_exceptions: ${single.length} by requestException, ${exceptions.length - single.length} in ${groups.size} groups`,
  ];
  if (one.unrecorded.length > 0) evidence.push(`exceptions without a requestException record: ${sample(one.unrecorded)}`);
  if (one.recordedTwice.length > 0) evidence.push(`exceptions named by two requestException records: ${sample(one.recordedTwice)}`);
  if (groupsUnrecorded.length > 0) evidence.push(`exception groups without a requestExceptions record: ${sample(groupsUnrecorded, 5)}`);
  return { lost: one.unrecorded.length + groupsUnrecorded.length, doubled: one.recordedTwice.length, evidence };
}

/**
 * Every committed mutation has its audit record in metrics' audit_records
 * (SUCCEEDED, naming the row's id or its identity): each rotation_requests and
 * revocation_requests row a mutation created (requestRotation,
 * requestRevocation; a mass action's rows by its requestRotations /
 * requestRevocations record, a bulk revocation's by requestBulkRevocation; not
 * the rows lifecycle's triggers and retries create), each policy_exceptions
 * row (requestException, or requestExceptions for a group); and every audit
 * event in any service's outbox reached audit_records. lost = rows without a
 * record; doubled = rows named by two records of their operation.
 */
async function run(ctx: CheckContext): Promise<CheckResult> {
  const records = await auditRecords(ctx);
  const lifecycle = await withDatabase(ctx.databaseUrl('lifecycle'), async (db) => {
    const requests = (table: string) =>
      rows<RequestRow>(db, `SELECT id::text, identity_id::text, attempt, reason, mass_action_id::text, requested_at FROM ${table}`);
    const massActions = (action: string) =>
      rows<{ id: string; requested_by: string; started_at: Date }>(
        db,
        'SELECT id::text, requested_by, started_at FROM mass_actions WHERE action = $1',
        [action],
      );
    return {
      rotations: await requests('rotation_requests'),
      revocations: await requests('revocation_requests'),
      massRotations: await massActions('ROTATION'),
      massRevocations: await massActions('REVOCATION'),
    };
  });
  const lower = (ids: readonly string[]) => new Set(ids.map((id) => id.toLowerCase()));
  const gaps = [
    requestGaps('rotation', lifecycle.rotations, lifecycle.massRotations, lower(ctx.rotationRequestIds), records.byOperation),
    requestGaps('revocation', lifecycle.revocations, lifecycle.massRevocations, lower(ctx.revocationRequestIds), records.byOperation),
    await exceptionGaps(ctx, records.byOperation),
    await outboxRecordsKept(ctx, records.ids),
  ];
  return checkResult(AUDIT_COMPLETE, {
    lost: gaps.reduce((sum, g) => sum + g.lost, 0),
    doubled: gaps.reduce((sum, g) => sum + g.doubled, 0),
    evidence: gaps.flatMap((g) => g.evidence),
  });
}

export const auditComplete: Check = { name: AUDIT_COMPLETE, run };
