import { Client } from 'pg';
import { AuditRecordedData, TOPICS } from '@nhi/contracts';
import type { Actor } from '@nhi/auth';
import type { UserError } from '@nhi/testing';
import { APPROVER, exceptionsSpec, inDays, REQUESTER, VIEWER } from '../support/exceptions-client';

/**
 * Every mutation leaves an audit record on nhi.audit.events.v1, whether it
 * succeeded, was refused by the AccessGuard (before any resolver or
 * interceptor runs) or by the service, or failed on its input; the record
 * carries the input with secrets redacted.
 */
const spec = exceptionsSpec('exceptions-audit', { tap: [TOPICS.audit] });

const PEM =
  '-----BEGIN OPENSSH PRIVATE KEY-----\nb3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW\n-----END OPENSSH PRIVATE KEY-----';

interface AuditEvent {
  type: string;
  source: string;
  subject: string;
  data: AuditRecordedData;
}

/** The audit record of one operation on one target, as the broker holds it. */
async function auditRecord(operation: string, targetId: string, outcome: string): Promise<AuditEvent> {
  const topic = spec.client.exceptions.topic(TOPICS.audit);
  const matches = (value: string | null) => {
    const event = JSON.parse(value ?? '{}') as AuditEvent;
    return event.data.operation === operation && event.data.targetIds.includes(targetId) && event.data.outcome === outcome;
  };
  const message = await spec.client.tap.waitFor(
    (m) => m.topic === topic && matches(m.value),
    `an audit record of ${operation} on ${targetId} (${outcome})`,
  );
  return JSON.parse(message.value!) as AuditEvent;
}

describe('audit records of mutations', () => {
  it('records a successful mutation with actor, roles, targets and its input', async () => {
    const { client } = spec;
    const identityId = await client.discovered();
    const exception = await client.requested({
      identityId,
      justification: 'the vendor shares one key with us until Q3',
      compensatingControls: ['IP allow-list', 'quarterly access review'],
    });

    const record = await auditRecord('requestException', identityId, 'SUCCEEDED');

    expect(record).toMatchObject({ type: 'nhi.audit.recorded', source: '/nhi/exceptions', subject: identityId });
    expect(record.data).toMatchObject({
      actor: REQUESTER.sub,
      roles: REQUESTER.roles,
      service: 'exceptions',
      operation: 'requestException',
      outcome: 'SUCCEEDED',
      errorCode: null,
      error: null,
      details: null,
    });
    // Named by the input, then produced by the result (the new exception's id).
    expect(record.data.targetIds).toEqual([identityId, exception.id]);
    expect(record.data.input).toMatchObject({
      input: { identityId, control: 'ROTATION', compensatingControls: ['IP allow-list', 'quarterly access review'] },
    });
    expect(Date.parse(record.data.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("commits a changing mutation's record in the mutation's own transaction, so a crash after the commit cannot lose it", async () => {
    const { client } = spec;
    const db = new Client({ connectionString: client.exceptions.database.url });
    await db.connect();
    try {
      // The transaction each row was inserted in (xmin changes when the relay marks a row sent, so a trigger notes it).
      await db.query(`
        CREATE TABLE IF NOT EXISTS inserted_by (row_id uuid PRIMARY KEY, tx xid8 NOT NULL);
        CREATE OR REPLACE FUNCTION note_inserting_tx() RETURNS trigger AS $$
          BEGIN INSERT INTO inserted_by VALUES (NEW.id, pg_current_xact_id()); RETURN NEW; END $$ LANGUAGE plpgsql;
        CREATE OR REPLACE TRIGGER note_tx AFTER INSERT ON policy_exceptions FOR EACH ROW EXECUTE FUNCTION note_inserting_tx();
        CREATE OR REPLACE TRIGGER note_tx AFTER INSERT ON outbox_events FOR EACH ROW EXECUTE FUNCTION note_inserting_tx();`);
      const identityId = await client.discovered();
      const exception = await client.requested({ identityId });
      await auditRecord('requestException', identityId, 'SUCCEEDED');

      const { rows } = await db.query<{ change: string; record: string }>(
        `SELECT (SELECT tx::text FROM inserted_by WHERE row_id = $1) AS change,
                (SELECT b.tx::text FROM outbox_events o JOIN inserted_by b ON b.row_id = o.id
                  WHERE o.payload->>'type' = 'nhi.audit.recorded' AND o.payload->'data'->>'operation' = 'requestException'
                    AND o.payload->'data'->'targetIds' ? $1::text) AS record`,
        [exception.id],
      );
      expect(rows[0].change).toEqual(expect.any(String));
      expect(rows[0].record).toBe(rows[0].change);
    } finally {
      await db.query('DROP TRIGGER IF EXISTS note_tx ON policy_exceptions; DROP TRIGGER IF EXISTS note_tx ON outbox_events');
      await db.end();
    }
  });

  it('refuses secret material in free text before anything is stored, and records the refusal with the input redacted', async () => {
    const { client } = spec;
    const identityId = await client.discovered();
    const refused = await client.request({
      identityId,
      justification: 'the vendor shares password=hunter2 with us until Q3',
      compensatingControls: ['IP allow-list', PEM],
    });
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'input.justification' } });

    const record = await auditRecord('requestException', identityId, 'REJECTED');
    expect(record.data.input).toMatchObject({
      input: {
        identityId,
        justification: 'the vendor shares password=[REDACTED] with us until Q3',
        compensatingControls: ['IP allow-list', '[REDACTED] (looked like an OpenSSH private key)'],
      },
    });
    expect(JSON.stringify(record)).not.toMatch(/hunter2|OPENSSH|b3BlbnNzaC1/);
  });

  it('records a mutation the AccessGuard refused, and one the service refused, though both were rolled back', async () => {
    const { client } = spec;
    const identityId = await client.discovered();
    const exception = await client.requested({ identityId });

    const byViewer = await client.decide('reject', exception.id, 'token: ghp_16C7e42F292c6912E7710c838347Ae178B4a is fine', VIEWER);
    expect(byViewer.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    const refused = await auditRecord('rejectException', exception.id, 'FORBIDDEN');
    expect(refused.data).toMatchObject({
      actor: VIEWER.sub,
      roles: ['viewer'],
      operation: 'rejectException',
      targetIds: [exception.id],
      errorCode: 'FORBIDDEN',
      error: expect.stringMatching(/^Forbidden: .*security-admin/),
      input: { id: exception.id, note: '[REDACTED] (looked like a GitHub token (its checksum does not match))' },
    });
    expect(JSON.stringify(refused)).not.toContain('ghp_');

    // The requester may not decide on its own request: the service refuses it, after the guard let it through.
    const ownDecision = await client.decide('approve', exception.id, null, REQUESTER);
    expect(ownDecision.errors?.[0]).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect((await auditRecord('approveException', exception.id, 'FORBIDDEN')).data).toMatchObject({
      actor: REQUESTER.sub,
      error: expect.stringContaining('separation of duties'),
    });
    expect((await client.exception(exception.id)).status).toBe('REQUESTED');
  });

  it('records input that was rejected, and a mutation that named something unknown', async () => {
    const { client } = spec;
    const identityId = await client.discovered();

    const blank = await client.request({ identityId, justification: '   ' });
    expect(blank.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
    expect((await auditRecord('requestException', identityId, 'REJECTED')).data).toMatchObject({
      errorCode: 'BAD_USER_INPUT',
      error: expect.stringMatching(/justification is required/),
    });

    const unknown = '00000000-0000-4000-8000-00000000a0d1';
    const approveUnknown = await client.decide('approve', unknown, null, APPROVER);
    const code = approveUnknown.errors?.[0].extensions?.['code'];
    expect((await auditRecord('approveException', unknown, 'REJECTED')).data).toMatchObject({ actor: APPROVER.sub, errorCode: code });
  });

  it('records a payload-form refusal (userErrors, no top-level error) as REJECTED or FORBIDDEN, never naming the clientMutationId as a target', async () => {
    const { client } = spec;
    const payloadForm = async (mutation: string, inputType: string, input: Record<string, unknown>, actor: Actor) => {
      const result = await client.exceptions.query<Record<string, { userErrors: UserError[]; clientMutationId: string | null }>>(
        `mutation($input: ${inputType}!) { ${mutation}(input: $input) { userErrors { field message code } clientMutationId } }`,
        { input },
        actor,
      );
      expect(result.errors).toBeUndefined();
      return result.data![mutation];
    };
    const identityId = await client.discovered();
    const exception = await client.requested({ identityId });

    const blank = await payloadForm(
      'exceptionReject',
      'ExceptionRejectInput',
      { id: exception.id, reason: ' ', clientMutationId: 'row-17' },
      APPROVER,
    );
    expect(blank).toMatchObject({ clientMutationId: 'row-17', userErrors: [{ field: ['reason'], code: 'INVALID' }] });
    const rejected = await auditRecord('exceptionReject', exception.id, 'REJECTED');
    expect(rejected).toMatchObject({ subject: exception.id });
    expect(rejected.data).toMatchObject({
      actor: APPROVER.sub,
      operation: 'exceptionReject',
      targetIds: [exception.id],
      errorCode: 'INVALID',
      error: expect.stringMatching(/^reason is required/),
      input: { input: { id: exception.id, clientMutationId: 'row-17' } },
    });

    const unknownIdentity = '00000000-0000-4000-8000-00000000a0d2';
    const unknown = await payloadForm(
      'exceptionCreate',
      'ExceptionCreateInput',
      {
        identityId: unknownIdentity,
        control: 'ROTATION',
        justification: 'vendor cannot rotate before the Q3 release',
        expiresAt: inDays(30),
        clientMutationId: 'row-18',
        idempotencyKey: 'audit-key-18',
      },
      REQUESTER,
    );
    expect(unknown.userErrors).toMatchObject([{ field: ['identityId'] }]);
    expect((await auditRecord('exceptionCreate', unknownIdentity, 'REJECTED')).data).toMatchObject({
      targetIds: [unknownIdentity],
      errorCode: unknown.userErrors[0].code,
    });

    const own = await payloadForm('exceptionApprove', 'ExceptionApproveInput', { id: exception.id, clientMutationId: 'row-19' }, REQUESTER);
    expect(own.userErrors).toMatchObject([{ code: 'FORBIDDEN' }]);
    expect((await auditRecord('exceptionApprove', exception.id, 'FORBIDDEN')).data).toMatchObject({
      actor: REQUESTER.sub,
      targetIds: [exception.id],
      errorCode: 'FORBIDDEN',
      error: expect.stringContaining('separation of duties'),
    });
    expect((await client.exception(exception.id)).status).toBe('REQUESTED');
  });
});
