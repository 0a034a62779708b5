import { randomUUID } from 'node:crypto';
import type { Actor } from '@nhi/auth';
import { APPROVER, exceptionsSpec, inDays, REQUESTER, VIEWER } from '../support/exceptions-client';
import { waitFor, type UserError } from '@nhi/testing';

const spec = exceptionsSpec('exceptions-mutations');

interface ExceptionPayload {
  exception: { id: string; identityId: string; status: string; decisionNote: string | null } | null;
  userErrors: UserError[];
  clientMutationId: string | null;
}
interface GroupPayload {
  exceptionGroup: {
    groupId: string | null;
    exceptions: Array<{ id: string; identityId: string }>;
    skipped: Array<{ identityId: string }>;
  } | null;
  userErrors: UserError[];
  clientMutationId: string | null;
}

const EXCEPTION_PAYLOAD = 'exception { id identityId status decisionNote } userErrors { field message code } clientMutationId';
const GROUP_PAYLOAD =
  'exceptionGroup { groupId exceptions { id identityId } skipped { identityId } } userErrors { field message code } clientMutationId';
const TERMS = { control: 'ROTATION', justification: 'vendor cannot rotate before the Q3 release' };

async function call<P>(mutation: string, inputType: string, input: Record<string, unknown>, actor: Actor = REQUESTER): Promise<P> {
  const payload = mutation === 'exceptionsCreate' ? GROUP_PAYLOAD : EXCEPTION_PAYLOAD;
  const result = await spec.client.exceptions.query<Record<string, P | null>>(
    `mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${payload} } }`,
    { input },
    actor,
  );
  expect(result.errors).toBeUndefined();
  return result.data![mutation]!;
}

const create = (input: Record<string, unknown>, actor?: Actor) =>
  call<ExceptionPayload>('exceptionCreate', 'ExceptionCreateInput', { ...TERMS, expiresAt: inDays(30), ...input }, actor);

describe('exceptionCreate', () => {
  it('creates a requested exception and echoes the clientMutationId', async () => {
    const identityId = await spec.client.discovered();
    const payload = await create({ identityId, clientMutationId: 'row-1' });

    expect(payload).toMatchObject({ userErrors: [], clientMutationId: 'row-1', exception: { identityId, status: 'REQUESTED' } });
  });

  it('returns validation and state refusals as userErrors naming the input field', async () => {
    const identityId = await spec.client.discovered();
    const blank = await create({ identityId, justification: '  ' });
    expect(blank).toMatchObject({ exception: null, userErrors: [{ field: ['justification'], code: 'INVALID' }] });

    await create({ identityId });
    const second = await create({ identityId });
    expect(second).toMatchObject({ exception: null, userErrors: [{ field: ['control'], code: 'INVALID' }] });
  });

  it('replays the first result for a repeated idempotency key and refuses the key for another input', async () => {
    const identityId = await spec.client.discovered();
    const key = randomUUID();
    const expiresAt = inDays(20);
    const first = await create({ identityId, expiresAt, idempotencyKey: key });
    const replay = await create({ identityId, expiresAt, idempotencyKey: key });
    expect(replay.userErrors).toEqual([]);
    expect(replay.exception?.id).toBe(first.exception?.id);

    const reused = await create({ identityId, expiresAt: inDays(10), idempotencyKey: key });
    expect(reused).toMatchObject({ exception: null, userErrors: [{ field: ['idempotencyKey'], code: 'CONFLICT' }] });
  });

  it('keeps the committed result of one aliased mutation when another in the same request is refused', async () => {
    const identityId = await spec.client.discovered();
    const result = await spec.client.exceptions.query<Record<string, ExceptionPayload>>(
      `mutation($ok: ExceptionCreateInput!, $bad: ExceptionCreateInput!) {
        ok: exceptionCreate(input: $ok) { ${EXCEPTION_PAYLOAD} }
        bad: exceptionCreate(input: $bad) { ${EXCEPTION_PAYLOAD} }
      }`,
      {
        ok: { ...TERMS, identityId, expiresAt: inDays(30) },
        bad: { ...TERMS, identityId: randomUUID(), expiresAt: inDays(30) },
      },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.['ok']?.exception).toMatchObject({ identityId, status: 'REQUESTED' });
    expect(result.data?.['bad']).toMatchObject({ exception: null, userErrors: [{ field: ['identityId'], code: 'INVALID' }] });
  });
});

describe('exceptionsCreate', () => {
  it('creates linked exceptions for a selection, replays them for a repeated key, and reports an empty selector', async () => {
    const system = `mut-${randomUUID().slice(0, 8)}`;
    const ids = [await spec.client.discovered({ system }), await spec.client.discovered({ system })];
    const key = randomUUID();
    const input = { ...TERMS, expiresAt: inDays(30), selector: { system }, idempotencyKey: key };

    const first = await call<GroupPayload>('exceptionsCreate', 'ExceptionsCreateInput', input);
    const replay = await call<GroupPayload>('exceptionsCreate', 'ExceptionsCreateInput', input);

    expect(first.exceptionGroup?.exceptions.map((e) => e.identityId).sort()).toEqual([...ids].sort());
    expect(replay.exceptionGroup?.groupId).toBe(first.exceptionGroup?.groupId);
    expect(replay.exceptionGroup?.exceptions.map((e) => e.id).sort()).toEqual(first.exceptionGroup?.exceptions.map((e) => e.id).sort());
    const empty = await call<GroupPayload>('exceptionsCreate', 'ExceptionsCreateInput', { ...TERMS, expiresAt: inDays(30), selector: {} });
    expect(empty).toMatchObject({ exceptionGroup: null, userErrors: [{ field: ['selector'], code: 'INVALID' }] });
  });
});

describe('exceptionApprove, exceptionReject and exceptionRevoke', () => {
  it('approve with a note, refuse the requester as FORBIDDEN, and revoke with a reason', async () => {
    const identityId = await spec.client.discovered();
    const id = (await create({ identityId })).exception!.id;

    const own = await call<ExceptionPayload>('exceptionApprove', 'ExceptionApproveInput', { id, note: 'fine' }, REQUESTER);
    expect(own).toMatchObject({ exception: null, userErrors: [{ code: 'FORBIDDEN' }] });
    const approved = await call<ExceptionPayload>(
      'exceptionApprove',
      'ExceptionApproveInput',
      { id, note: 'fine', clientMutationId: 'a' },
      APPROVER,
    );
    expect(approved).toMatchObject({ clientMutationId: 'a', userErrors: [], exception: { id, status: 'APPROVED', decisionNote: 'fine' } });

    const revoked = await call<ExceptionPayload>('exceptionRevoke', 'ExceptionRevokeInput', { id, reason: 'vendor shipped rotation' });
    expect(revoked).toMatchObject({ userErrors: [], exception: { id, status: 'REVOKED' } });
    const again = await call<ExceptionPayload>('exceptionRevoke', 'ExceptionRevokeInput', { id, reason: 'twice' });
    expect(again).toMatchObject({ exception: null, userErrors: [{ field: ['id'], code: 'INVALID' }] });
  });

  it('rejects with a reason, and names reason when it is blank', async () => {
    const identityId = await spec.client.discovered();
    const id = (await create({ identityId })).exception!.id;

    const blank = await call<ExceptionPayload>('exceptionReject', 'ExceptionRejectInput', { id, reason: ' ' }, APPROVER);
    expect(blank).toMatchObject({
      exception: null,
      userErrors: [{ field: ['reason'], code: 'INVALID', message: expect.stringMatching(/^reason is required/) }],
    });
    const rejected = await call<ExceptionPayload>('exceptionReject', 'ExceptionRejectInput', { id, reason: 'rotate it instead' }, APPROVER);
    expect(rejected).toMatchObject({ userErrors: [], exception: { id, status: 'REJECTED', decisionNote: 'rotate it instead' } });
  });

  it('still answers the deprecated forms', async () => {
    const identityId = await spec.client.discovered();
    const old = await spec.client.requested({ identityId });
    const decided = await spec.client.decide('reject', old.id, 'old client', APPROVER);
    expect(decided.data?.['rejectException']).toMatchObject({ id: old.id, status: 'REJECTED' });
  });
});

describe('viewerCanDecide and viewerCanRevoke', () => {
  const PERMISSIONS = 'query($id: ID!) { exception(id: $id) { status viewerCanDecide viewerCanRevoke } }';
  const as = async (id: string, actor: Actor) =>
    (await spec.client.exceptions.query<{ exception: Record<string, unknown> }>(PERMISSIONS, { id }, actor)).data?.exception;

  it('follow the rules the mutations apply: never the requester deciding, only open exceptions', async () => {
    const identityId = await spec.client.discovered();
    const id = (await create({ identityId })).exception!.id;
    expect(await as(id, REQUESTER)).toEqual({ status: 'REQUESTED', viewerCanDecide: false, viewerCanRevoke: true });
    expect(await as(id, APPROVER)).toEqual({ status: 'REQUESTED', viewerCanDecide: true, viewerCanRevoke: true });
    expect(await as(id, VIEWER)).toEqual({ status: 'REQUESTED', viewerCanDecide: false, viewerCanRevoke: false });

    await call<ExceptionPayload>('exceptionApprove', 'ExceptionApproveInput', { id }, APPROVER);
    expect(await as(id, APPROVER)).toEqual({ status: 'APPROVED', viewerCanDecide: false, viewerCanRevoke: true });

    await call<ExceptionPayload>('exceptionRevoke', 'ExceptionRevokeInput', { id, reason: 'no longer needed' });
    expect(await as(id, REQUESTER)).toEqual({ status: 'REVOKED', viewerCanDecide: false, viewerCanRevoke: false });
  });
});

describe('viewerCanRequestException', () => {
  const CAN = `query($id: ID!) {
    _entities(representations: [{ __typename: "NonHumanIdentity", id: $id }]) { ... on NonHumanIdentity { viewerCanRequestException } }
  }`;
  const can = async (id: string, actor: Actor) =>
    (await spec.client.exceptions.query<{ _entities: Array<{ viewerCanRequestException: boolean }> }>(CAN, { id }, actor)).data
      ?._entities[0].viewerCanRequestException;

  it('follows exceptionCreate: a security-admin or an owner through its team, on an identity exceptions knows', async () => {
    const identityId = await spec.client.discovered();
    const team = `team-${randomUUID().slice(0, 8)}`;
    const member: Actor = { sub: 'olga-owner', roles: ['owner'], ownerRefs: [team] };
    expect(await can(identityId, APPROVER)).toBe(true);
    expect(await can(identityId, member)).toBe(false);
    expect(await can(identityId, VIEWER)).toBe(false);
    expect(await can(randomUUID(), APPROVER)).toBe(false);

    await spec.client.exceptions.publish(
      'nhi.ownership.assigned',
      {
        identityId,
        ownerId: randomUUID(),
        ownerRef: 'olga',
        ownerPath: ['olga', team],
        role: 'PRIMARY',
        previousOwnerId: null,
        via: 'MANUAL',
        ownershipStatus: 'OWNED',
        actor: 'admin',
        reason: null,
        assignedAt: new Date().toISOString(),
      },
      'ownership',
    );
    await waitFor(async () => (await can(identityId, member)) === true, { what: 'the owner path to reach exceptions' });
    // And the mutation agrees.
    const created = await create({ identityId }, member);
    expect(created.userErrors).toEqual([]);
  });
});
