import { randomUUID } from 'node:crypto';
import type { Actor } from '@nhi/auth';
import { ownershipSpec } from '../support/ownership-spec';
import { uniqueNames } from '../support/unique-names';
import type { UserError } from '@nhi/testing';

const spec = ownershipSpec('ownership_handoff_mutations');

const unique = uniqueNames();

interface HandoffPayload {
  handoff: { id: string; status: string; reason: string; moved: number | null; decisionNote: string | null } | null;
  userErrors: UserError[];
  clientMutationId: string | null;
}

const PAYLOAD = 'handoff { id status reason moved decisionNote } userErrors { field message code } clientMutationId';

async function mutate(mutation: string, inputType: string, input: Record<string, unknown>, actor?: Actor): Promise<HandoffPayload> {
  const result = await spec.subgraph.query<Record<string, HandoffPayload | null>>(
    `mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${PAYLOAD} } }`,
    { input },
    actor,
  );
  expect(result.errors).toBeUndefined();
  return result.data![mutation]!;
}

const create = (input: Record<string, unknown>, actor?: Actor) => mutate('handoffCreate', 'HandoffCreateInput', input, actor);
const accept = (input: Record<string, unknown>, actor?: Actor) => mutate('handoffAccept', 'HandoffAcceptInput', input, actor);
const reject = (input: Record<string, unknown>, actor?: Actor) => mutate('handoffReject', 'HandoffRejectInput', input, actor);

/** Two teams, and identities of one system owned by the first. */
async function pilotAndOps(count = 1) {
  const system = unique('checkout');
  const pilot = await spec.client.owner({ externalRef: unique('pilot'), kind: 'TEAM', name: 'Pilot' });
  const ops = await spec.client.owner({ externalRef: unique('ops'), kind: 'TEAM', name: 'Operations' });
  const ids: string[] = [];
  for (let i = 0; i < count; i++) ids.push(await spec.client.discovered({ system }));
  for (const identityId of ids) await spec.client.assign({ identityId, ownerId: pilot.id });
  return { system, pilot, ops, ids };
}

describe('handoffCreate', () => {
  it('lists the identities, echoes the clientMutationId, replays a repeated key and refuses the key for another input', async () => {
    const { system, pilot, ops } = await pilotAndOps(2);
    const key = randomUUID();
    const input = { fromOwnerId: pilot.id, system, toOwnerId: ops.id, reason: 'pilot is over', idempotencyKey: key };

    const first = await create({ ...input, clientMutationId: 'h-1' });
    const replay = await create(input);
    const reused = await create({ ...input, reason: 'something else' });

    expect(first).toMatchObject({ userErrors: [], clientMutationId: 'h-1', handoff: { status: 'REQUESTED', reason: 'pilot is over' } });
    expect(replay).toMatchObject({ userErrors: [], handoff: { id: first.handoff?.id, status: 'REQUESTED' } });
    expect(reused).toMatchObject({ handoff: null, userErrors: [{ field: ['idempotencyKey'], code: 'CONFLICT' }] });
  });

  it('returns a blank reason, an unknown receiver and busy identities (a CONFLICT) as userErrors naming the field', async () => {
    const { system, pilot, ops } = await pilotAndOps();
    const toOwnerId = randomUUID();

    const blank = await create({ system, toOwnerId: ops.id, reason: '  ' });
    const nobody = await create({ system, toOwnerId, reason: 'r' });
    await create({ system, toOwnerId: ops.id, reason: 'first' });
    const busy = await create({ fromOwnerId: pilot.id, toOwnerId: ops.id, reason: 'second' });

    expect(blank).toMatchObject({ handoff: null, userErrors: [{ field: ['reason'], code: 'INVALID' }] });
    expect(nobody).toMatchObject({ handoff: null, userErrors: [{ field: ['toOwnerId'], code: 'NOT_FOUND' }] });
    expect(nobody.userErrors[0]?.message).not.toContain(toOwnerId);
    expect(busy).toMatchObject({ handoff: null, userErrors: [{ field: ['input'], code: 'CONFLICT' }] });
  });
});

describe('handoffAccept and handoffReject', () => {
  it('accepts, then refuses a second decision as a CONFLICT on id; refuses a non-receiver as FORBIDDEN', async () => {
    const { system, pilot, ops, ids } = await pilotAndOps();
    const id = (await create({ system, toOwnerId: ops.id, reason: 'to ops' })).handoff!.id;
    const pilotLead: Actor = { sub: 'lead', roles: ['owner'], ownerRefs: [pilot.externalRef] };

    const own = await accept({ id }, pilotLead);
    const accepted = await accept({ id, clientMutationId: 'acc' });
    const again = await reject({ id, reason: 'too late' });

    expect(own).toMatchObject({ handoff: null, userErrors: [{ code: 'FORBIDDEN' }] });
    expect(accepted).toMatchObject({ userErrors: [], clientMutationId: 'acc', handoff: { id, status: 'COMPLETED', moved: 1 } });
    expect(await spec.client.identity(ids[0]!)).toMatchObject({ owner: { externalRef: ops.externalRef } });
    expect(again).toMatchObject({
      handoff: null,
      userErrors: [{ field: ['id'], code: 'CONFLICT', message: expect.stringMatching(/^this handoff was already completed/) }],
    });
    expect(again.userErrors[0]?.message).not.toContain(id);
  });

  it('rejects with a reason kept as the decision note, and returns an unknown handoff as NOT_FOUND on id', async () => {
    const { system, ops, ids } = await pilotAndOps();
    const id = (await create({ system, toOwnerId: ops.id, reason: 'to ops' })).handoff!.id;

    const rejected = await reject({ id, reason: 'not ours', clientMutationId: 'rej' });
    const missing = await reject({ id: randomUUID() });

    expect(rejected).toMatchObject({
      userErrors: [],
      clientMutationId: 'rej',
      handoff: { id, status: 'DECLINED', decisionNote: 'not ours' },
    });
    expect(await spec.client.identity(ids[0]!)).not.toMatchObject({ owner: { externalRef: ops.externalRef } });
    expect(missing).toMatchObject({ handoff: null, userErrors: [{ field: ['id'], code: 'NOT_FOUND' }] });
  });

  it('still answers the deprecated requestHandoff, acceptHandoff and declineHandoff', async () => {
    const { system, ops } = await pilotAndOps(2);
    const requested = await spec.subgraph.query<{ requestHandoff: { id: string; status: string } }>(
      'mutation($input: HandoffInput!) { requestHandoff(input: $input) { id status } }',
      { input: { system, toOwnerId: ops.id, reason: 'old client' } },
    );
    const id = requested.data?.requestHandoff.id;
    const declined = await spec.subgraph.query<{ declineHandoff: { status: string; decisionNote: string | null } }>(
      'mutation($id: ID!, $note: String) { declineHandoff(id: $id, note: $note) { status decisionNote } }',
      { id, note: 'no' },
    );
    const acceptedAfter = await spec.subgraph.query('mutation($id: ID!) { acceptHandoff(id: $id) { id } }', { id });

    expect(requested.data?.requestHandoff).toMatchObject({ status: 'REQUESTED' });
    expect(declined.data?.declineHandoff).toEqual({ status: 'DECLINED', decisionNote: 'no' });
    expect(acceptedAfter.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'id' });
  });
});
