import { waitFor } from '@nhi/testing';
import { APPROVER, exceptionsSpec, inDays, REQUESTER, VIEWER } from '../support/exceptions-client';

// A reminder 0.00004 days (3.5 s) before expiry, so one can be seen in a test.
const spec = exceptionsSpec('exceptions-workflow', { env: { EXCEPTION_REMINDER_DAYS: '0.00004' } });

describe('requesting an exception', () => {
  it('refuses bad requests with errors that name the field, and creates nothing', async () => {
    const { client } = spec;
    const identityId = await client.discovered();
    const cases: Array<[Record<string, unknown>, string, RegExp]> = [
      [{ identityId, justification: '   ' }, 'justification', /justification is required/],
      [
        { identityId, expiresAt: new Date(Date.now() - 60_000).toISOString() },
        'expiresAt',
        /^expiresAt must be a valid time in the future; it is now \d{4}-/,
      ],
      [
        { identityId, expiresAt: inDays(91) },
        'expiresAt',
        /^expiresAt is too far: an exception of this control lasts at most 90 days \(until /,
      ],
      [
        { identityId, control: 'REVOCATION', expiresAt: inDays(31) },
        'expiresAt',
        /^expiresAt is too far: an exception of this control lasts at most 30 days \(until /,
      ],
      [{ identityId, compensatingControls: ['IP allow-list', ' '] }, 'compensatingControls[1]', /compensatingControls\[1\]/],
      [
        { identityId: '00000000-0000-4000-8000-000000000000' },
        'identityId',
        /^the identity is not known to exceptions; identities arrive from inventory's events$/,
      ],
    ];
    for (const [input, field, message] of cases) {
      const result = await client.request(input);
      expect(result.errors?.[0]).toMatchObject({ message: expect.stringMatching(message), extensions: { code: 'BAD_USER_INPUT', field } });
    }
    expect(await client.exceptions.sql('SELECT 1 FROM policy_exceptions WHERE identity_id = $1', [identityId])).toEqual([]);
  });

  it('keeps one open exception per identity and control', async () => {
    const { client } = spec;
    const identityId = await client.discovered();
    const first = await client.requested({ identityId });
    const second = await client.request({ identityId });
    expect(second.errors?.[0]).toMatchObject({
      message: expect.stringContaining(`the identity already has an open exception of this control (${first.id}, REQUESTED`),
      extensions: { field: 'control' },
    });
    // Another control of the same identity is a separate matter.
    await client.requested({ identityId, control: 'NHI7' });
  });
});

describe('deciding on an exception', () => {
  it('never lets the requester approve or reject their own request, whatever roles they hold', async () => {
    const { client } = spec;
    const identityId = await client.discovered();
    const exception = await client.requested({ identityId });
    for (const verb of ['approve', 'reject'] as const) {
      const refused = await client.decide(verb, exception.id, 'looks fine to me', REQUESTER);
      expect(refused.errors?.[0]).toMatchObject({
        message: `Forbidden: separation of duties: rita-requester requested this exception and cannot ${verb} it; someone else must`,
        extensions: { code: 'FORBIDDEN' },
      });
    }
    const notAdmin = await client.decide('approve', exception.id, null, VIEWER);
    expect(notAdmin.errors?.[0].message).toBe('Forbidden: to approve an exception needs the security-admin role; val-viewer has viewer');
    // The database holds the rule too, whatever code writes to it.
    await expect(
      client.exceptions.sql(
        "UPDATE policy_exceptions SET status = 'APPROVED', decided_by = requested_by, decided_at = now() WHERE id = $1",
        [exception.id],
      ),
    ).rejects.toThrow(/check constraint/);
    expect((await client.exception(exception.id)).status).toBe('REQUESTED');
  });

  it('records the approver and note, keeps an append-only history, and publishes each step', async () => {
    const { client } = spec;
    const identityId = await client.discovered();
    const exception = await client.requested({ identityId, compensatingControls: ['egress restricted to the vendor'], riskRating: 'HIGH' });
    const approved = await client.decide('approve', exception.id, 'accepted until the vendor ships key rotation');
    expect(approved.data?.approveException).toMatchObject({
      status: 'APPROVED',
      requestedBy: 'rita-requester',
      decidedBy: 'sam-approver',
      decisionNote: 'accepted until the vendor ships key rotation',
      history: [
        { action: 'REQUESTED', status: 'REQUESTED', actor: 'rita-requester', note: null },
        { action: 'APPROVED', status: 'APPROVED', actor: 'sam-approver', note: 'accepted until the vendor ships key rotation' },
      ],
    });
    const again = await client.decide('approve', exception.id, null);
    expect(again.errors?.[0].message).toBe('the exception is APPROVED; only a REQUESTED exception can be decided');

    await waitFor(() => client.eventsAbout(identityId).length >= 2, { what: 'the requested and approved events' });
    expect(client.eventsAbout(identityId).map((event) => [event.type, event.data.actor])).toEqual([
      ['nhi.exception.requested', 'rita-requester'],
      ['nhi.exception.approved', 'sam-approver'],
    ]);
    expect(client.eventsAbout(identityId)[0].data).toMatchObject({
      riskRating: 'HIGH',
      compensatingControls: ['egress restricted to the vendor'],
    });
    await expect(client.exceptions.sql('DELETE FROM exception_history WHERE exception_id = $1', [exception.id])).rejects.toThrow(
      /exception_history is append-only: DELETE is not allowed/,
    );
  });

  it('rejects only with a note', async () => {
    const { client } = spec;
    const exception = await client.requested({ identityId: await client.discovered() });
    expect((await client.decide('reject', exception.id, '  ')).errors?.[0].message).toBe(
      'note is required: say why the exception is rejected',
    );
    const rejected = await client.decide('reject', exception.id, 'rotate it instead; the vendor supports it');
    expect(rejected.data?.rejectException).toMatchObject({ status: 'REJECTED', decidedBy: 'sam-approver' });
  });

  it('revokes an approved exception: enforcement resumes at once, and only the requester or a security-admin may', async () => {
    const { client } = spec;
    const identityId = await client.discovered();
    const exception = await client.requested({ identityId });
    await client.decide('approve', exception.id, null);
    const byViewer = await client.decide('revoke', exception.id, 'not needed', VIEWER);
    expect(byViewer.errors?.[0].message).toBe(
      'Forbidden: to revoke an exception needs the owner or security-admin role; val-viewer has viewer',
    );
    const byAnotherOwner = await client.decide('revoke', exception.id, 'not needed', { sub: 'olga', roles: ['owner'], ownerRefs: [] });
    expect(byAnotherOwner.errors?.[0].message).toBe(
      'Forbidden: only the requester or a security-admin may revoke this exception; olga is neither',
    );
    const revoked = await client.decide('revoke', exception.id, 'the vendor shipped rotation early', REQUESTER);
    expect(revoked.data?.revokeException).toMatchObject({ status: 'REVOKED' });
    const event = await waitFor(() => client.eventsAbout(identityId).find((e) => e.type === 'nhi.exception.revoked'), {
      what: 'the revoked event',
    });
    expect(event.data).toMatchObject({ exceptionId: exception.id, control: 'ROTATION', reason: 'the vendor shipped rotation early' });
    // Once revoked, a new exception for the control may be requested.
    await client.requested({ identityId });
  });
});

describe('expiry', () => {
  it('expires an approved exception at expiresAt on its own, after a reminder, and publishes both', async () => {
    const { client } = spec;
    const identityId = await client.discovered();
    const expiresAt = new Date(Date.now() + 6_000);
    const exception = await client.requested({ identityId, expiresAt: expiresAt.toISOString() });
    await client.decide('approve', exception.id, null, APPROVER);

    const expired = await waitFor(() => client.eventsAbout(identityId).find((e) => e.type === 'nhi.exception.expired'), {
      what: 'the expired event',
      timeoutMs: 20_000,
    });
    const lateMs = new Date(expired.data.at as string).getTime() - expiresAt.getTime();
    expect(lateMs).toBeGreaterThanOrEqual(0);
    expect(expired.data).toMatchObject({ exceptionId: exception.id, previousStatus: 'APPROVED', actor: 'exceptions' });
    expect(client.eventsAbout(identityId).map((event) => event.type)).toEqual([
      'nhi.exception.requested',
      'nhi.exception.approved',
      'nhi.exception.expiring-soon',
      'nhi.exception.expired',
    ]);
    const view = await client.exception(exception.id);
    expect(view.status).toBe('EXPIRED');
    expect(view.history.map((entry) => entry.action)).toEqual(['REQUESTED', 'APPROVED', 'REMINDED', 'EXPIRED']);
  });

  it('lists pending and soon-expiring exceptions and counts them by control and status', async () => {
    const { client } = spec;
    const pendingId = (await client.requested({ identityId: await client.discovered(), control: 'OWNERSHIP' })).id;
    const soon = await client.requested({ identityId: await client.discovered(), control: 'PRIVILEGE', expiresAt: inDays(2) });
    await client.decide('approve', soon.id, null);

    const result = await client.exceptions.query<{
      pendingExceptions: { edges: Array<{ node: { id: string } }> };
      expiringExceptions: Array<{ id: string }>;
      later: Array<{ id: string }>;
      exceptionStats: { total: number; counts: Array<{ control: string; status: string; count: number }> };
    }>(`{ pendingExceptions(first: 500) { edges { node { id } } } expiringExceptions(withinDays: 3) { id }
          later: expiringExceptions(withinDays: 1) { id } exceptionStats { total counts { control status count } } }`);
    expect(result.data?.pendingExceptions.edges.map((edge) => edge.node.id)).toContain(pendingId);
    expect(result.data?.expiringExceptions.map((e) => e.id)).toContain(soon.id);
    expect(result.data?.later.map((e) => e.id)).not.toContain(soon.id);
    const stats = result.data!.exceptionStats;
    expect(stats.counts).toContainEqual({ control: 'PRIVILEGE', status: 'APPROVED', count: 1 });
    expect(stats.total).toBe(stats.counts.reduce((sum, entry) => sum + entry.count, 0));
    const [{ count }] = await client.exceptions.sql<{ count: string }>('SELECT count(*) FROM policy_exceptions');
    expect(stats.total).toBe(Number(count));
  });
});
