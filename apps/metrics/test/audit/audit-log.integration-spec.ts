import { randomUUID } from 'node:crypto';
import type { Actor } from '@nhi/auth';
import { AuditRecordedData, createEvent, NhiEvent } from '@nhi/contracts';
import { subgraphSpec, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';

/**
 * Audit records published on nhi.audit.events.v1 the way every service
 * publishes them, kept by metrics in an append-only table and read back
 * through auditLog with filters and pages.
 */
const spec = subgraphSpec('metrics_audit', bootstrap, { env: { SNAPSHOT_INTERVAL_MS: '0' } });

const AUDITOR: Actor = { sub: 'ada-auditor', roles: ['auditor'], ownerRefs: [] };
const VIEWER: Actor = { sub: 'val-viewer', roles: ['viewer'], ownerRefs: [] };

const AUDIT_LOG = `query($filter: AuditLogFilter, $first: Int, $after: String) {
  auditLog(filter: $filter, first: $first, after: $after) {
    edges { cursor node { id at actor roles service operation targetIds outcome errorCode error input details arguments figures durationMs } }
    pageInfo { hasNextPage hasPreviousPage endCursor } } }`;

interface AuditNode {
  id: string;
  at: string;
  actor: string;
  operation: string;
  service: string;
  targetIds: string[];
  outcome: string;
  errorCode: string | null;
  error: string | null;
  input: string;
  details: string | null;
  arguments: unknown;
  figures: unknown;
}

interface AuditLogPage {
  auditLog: { edges: Array<{ cursor: string; node: AuditNode }>; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

const minutesAfter = (minutes: number) => new Date(Date.UTC(2026, 10, 20, 12, minutes)).toISOString();

function record(overrides: Partial<AuditRecordedData>): AuditRecordedData {
  return {
    actor: 'rita',
    roles: ['security-admin'],
    service: 'exceptions',
    operation: 'requestException',
    targetIds: [randomUUID()],
    outcome: 'SUCCEEDED',
    errorCode: null,
    error: null,
    input: { input: { justification: 'password=[REDACTED] is shared' } },
    details: null,
    at: minutesAfter(0),
    durationMs: 12,
    ...overrides,
  };
}

async function publish(data: AuditRecordedData): Promise<NhiEvent<'nhi.audit.recorded'>> {
  const event = createEvent({ source: data.service, type: 'nhi.audit.recorded', subject: data.targetIds[0] ?? data.actor, data });
  await spec.subgraph.redeliver(event);
  return event;
}

async function auditLog(variables: Record<string, unknown>, actor: Actor = AUDITOR) {
  const result = await spec.subgraph.query<AuditLogPage>(AUDIT_LOG, variables, actor);
  if (result.errors) throw new Error(JSON.stringify(result.errors));
  return result.data!.auditLog;
}

describe('auditLog', () => {
  const identity = randomUUID();
  const events: Array<NhiEvent<'nhi.audit.recorded'>> = [];

  beforeAll(async () => {
    const records = [
      record({ at: minutesAfter(1), targetIds: [identity], actor: 'rita' }),
      record({
        at: minutesAfter(2),
        targetIds: [randomUUID()],
        actor: 'val',
        roles: ['viewer'],
        operation: 'approveException',
        outcome: 'FORBIDDEN',
        errorCode: 'FORBIDDEN',
        error: 'Forbidden: approving an exception needs the security-admin role; val has viewer',
      }),
      record({ at: minutesAfter(3), targetIds: [identity], service: 'ownership', operation: 'assignOwner', actor: 'sam' }),
      record({
        at: minutesAfter(4),
        targetIds: ['aws-config'],
        service: 'inventory',
        operation: 'bulkIngest',
        actor: 'connector',
        roles: ['integrator'],
        input: { source: 'aws-config', dryRun: null },
        details: { received: 10, accepted: 9, rejected: 1, dryRun: false },
      }),
      record({
        at: minutesAfter(5),
        targetIds: [identity],
        service: 'lifecycle',
        operation: 'requestRotation',
        outcome: 'REJECTED',
        errorCode: 'NOT_FOUND',
        error: 'no such identity',
      }),
    ];
    for (const data of records) events.push(await publish(data));
    // A redelivered record is still one record.
    await spec.subgraph.redeliver(events[0]);
    await waitFor(
      async () => (await spec.subgraph.sql<{ n: number }>('SELECT count(*)::int AS n FROM audit_records'))[0].n === records.length,
      {
        what: 'metrics to keep five audit records',
      },
    );
  });

  it('serves every record newest first, in pages that follow each other without gaps or repeats', async () => {
    const first = await auditLog({ first: 2 });
    expect(first.edges.map((edge) => edge.node.id)).toEqual([events[4].id, events[3].id]);
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = await auditLog({ first: 2, after: first.pageInfo.endCursor });
    expect(second.edges.map((edge) => edge.node.id)).toEqual([events[2].id, events[1].id]);
    const third = await auditLog({ first: 2, after: second.pageInfo.endCursor });
    expect(third.edges.map((edge) => edge.node.id)).toEqual([events[0].id]);
    expect(third.pageInfo.hasNextPage).toBe(false);

    expect(first.edges[1].node).toMatchObject({
      at: minutesAfter(4),
      actor: 'connector',
      service: 'inventory',
      operation: 'bulkIngest',
      targetIds: ['aws-config'],
      outcome: 'SUCCEEDED',
      errorCode: null,
    });
    expect(JSON.parse(first.edges[1].node.details!)).toEqual({ received: 10, accepted: 9, rejected: 1, dryRun: false });
    expect(JSON.parse(third.edges[0].node.input)).toEqual({ input: { justification: 'password=[REDACTED] is shared' } });
    // The same documents as JSON values, not strings (the String forms are deprecated).
    expect(first.edges[1].node.figures).toEqual({ received: 10, accepted: 9, rejected: 1, dryRun: false });
    expect(third.edges[0].node.arguments).toEqual({ input: { justification: 'password=[REDACTED] is shared' } });
    expect(third.edges[0].node.figures).toBeNull();
  });

  it('filters by actor, operation, service, outcome, target and time', async () => {
    const ids = async (filter: Record<string, unknown>) => (await auditLog({ filter })).edges.map((edge) => edge.node.id);

    expect(await ids({ actor: 'rita' })).toEqual([events[4].id, events[0].id]);
    expect(await ids({ operation: ['assignOwner', 'bulkIngest'] })).toEqual([events[3].id, events[2].id]);
    expect(await ids({ service: ['exceptions'] })).toEqual([events[1].id, events[0].id]);
    expect(await ids({ outcome: ['FORBIDDEN', 'REJECTED'] })).toEqual([events[4].id, events[1].id]);
    expect(await ids({ targetId: identity })).toEqual([events[4].id, events[2].id, events[0].id]);
    expect(await ids({ from: minutesAfter(2), to: minutesAfter(4) })).toEqual([events[2].id, events[1].id]);
    expect(await ids({ targetId: identity, from: minutesAfter(2), outcome: ['SUCCEEDED'] })).toEqual([events[2].id]);
    expect(await ids({ actor: 'nobody' })).toEqual([]);
  });

  it('is for auditors and security-admins only', async () => {
    const refused = await spec.subgraph.query<AuditLogPage>(AUDIT_LOG, { first: 1 }, VIEWER);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(refused.data?.auditLog ?? null).toBeNull();
  });

  it('refuses a cursor it did not issue', async () => {
    const result = await spec.subgraph.query<AuditLogPage>(AUDIT_LOG, { after: 'not-a-cursor' }, AUDITOR);
    expect(result.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('keeps records append-only: updates, deletes and truncation are refused', async () => {
    await expect(spec.subgraph.sql("UPDATE audit_records SET actor = 'someone-else'")).rejects.toThrow(
      /audit_records is append-only: UPDATE/,
    );
    await expect(spec.subgraph.sql('DELETE FROM audit_records')).rejects.toThrow(/audit_records is append-only: DELETE/);
    await expect(spec.subgraph.sql('TRUNCATE audit_records')).rejects.toThrow(/audit_records is append-only: TRUNCATE/);
    expect((await spec.subgraph.sql<{ n: number }>('SELECT count(*)::int AS n FROM audit_records'))[0].n).toBe(5);
  });
});
