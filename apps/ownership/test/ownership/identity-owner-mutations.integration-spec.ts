import { randomUUID } from 'node:crypto';
import { ownershipSpec } from '../support/ownership-spec';
import { uniqueNames } from '../support/unique-names';
import type { UserError } from '@nhi/testing';

const spec = ownershipSpec('identity-owner-mutations');
const ref = uniqueNames();

interface IdentityOwnerPayload {
  identity: {
    id: string;
    ownershipStatus: string;
    owner: { externalRef: string } | null;
    backupOwner: { externalRef: string } | null;
  } | null;
  userErrors: UserError[];
  clientMutationId: string | null;
}

const PAYLOAD =
  'identity { id ownershipStatus owner { externalRef } backupOwner { externalRef } } userErrors { field message code } clientMutationId';

async function call(
  mutation: 'identityOwnerAssign' | 'identityOwnerUnassign',
  input: Record<string, unknown>,
): Promise<IdentityOwnerPayload> {
  const inputType = mutation === 'identityOwnerAssign' ? 'IdentityOwnerAssignInput' : 'IdentityOwnerUnassignInput';
  const result = await spec.subgraph.query<Record<string, IdentityOwnerPayload | null>>(
    `mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${PAYLOAD} } }`,
    { input },
  );
  expect(result.errors).toBeUndefined();
  return result.data![mutation]!;
}

const assign = (input: Record<string, unknown>) => call('identityOwnerAssign', input);
const unassign = (input: Record<string, unknown>) => call('identityOwnerUnassign', input);

describe('identityOwnerAssign', () => {
  it('assigns a PRIMARY and a BACKUP owner and echoes the clientMutationId', async () => {
    const identityId = await spec.client.discovered();
    const team = await spec.client.owner({ externalRef: ref('team'), kind: 'TEAM', name: 'Payments' });
    const bob = await spec.client.owner({ externalRef: ref('bob'), kind: 'PERSON', name: 'Bob' });

    const primary = await assign({ identityId, ownerId: team.id, reason: 'runs the batch', clientMutationId: 'row-1' });
    const backup = await assign({ identityId, ownerId: bob.id, role: 'BACKUP' });

    expect(primary).toMatchObject({
      userErrors: [],
      clientMutationId: 'row-1',
      identity: { id: identityId, ownershipStatus: 'OWNED', owner: { externalRef: team.externalRef } },
    });
    expect(backup).toMatchObject({ userErrors: [], clientMutationId: null, identity: { backupOwner: { externalRef: bob.externalRef } } });
  });

  it('returns refusals as userErrors naming the input field, without quoting values, and changes nothing', async () => {
    const identityId = await spec.client.discovered();
    const team = await spec.client.owner({ externalRef: ref('team'), kind: 'TEAM', name: 'Payments' });
    const other = await spec.client.owner({ externalRef: ref('other'), kind: 'TEAM', name: 'Other' });
    const gone = await spec.client.owner({ externalRef: ref('gone'), kind: 'PERSON', name: 'Gone', active: false });
    await assign({ identityId, ownerId: team.id });
    const unknownOwner = randomUUID();
    const unknownIdentity = randomUUID();

    const refusals = [
      await assign({ identityId, ownerId: other.id }),
      await assign({ identityId, ownerId: team.id }),
      await assign({ identityId, ownerId: gone.id }),
      await assign({ identityId, ownerId: unknownOwner }),
      await assign({ identityId: unknownIdentity, ownerId: other.id }),
      await assign({ identityId, ownerId: team.id, role: 'BACKUP' }),
    ];

    expect(refusals.map((r) => [r.identity, r.userErrors.map((e) => [e.code, e.field])])).toEqual([
      [null, [['CONFLICT', ['role']]]],
      [null, [['CONFLICT', ['ownerId']]]],
      [null, [['INVALID', ['ownerId']]]],
      [null, [['NOT_FOUND', ['ownerId']]]],
      [null, [['NOT_FOUND', ['identityId']]]],
      [null, [['INVALID', ['ownerId']]]],
    ]);
    const messages = JSON.stringify(refusals.map((r) => r.userErrors));
    for (const value of [identityId, team.id, gone.id, unknownOwner, unknownIdentity, gone.externalRef])
      expect(messages).not.toContain(value);
    expect(await spec.client.identity(identityId)).toMatchObject({ owner: { externalRef: team.externalRef }, backupOwner: null });
  });

  it('keeps the committed result of one aliased mutation when another in the same request is refused', async () => {
    const identityId = await spec.client.discovered();
    const team = await spec.client.owner({ externalRef: ref('team'), kind: 'TEAM', name: 'Payments' });
    const result = await spec.subgraph.query<Record<string, IdentityOwnerPayload>>(
      `mutation($ok: IdentityOwnerAssignInput!, $bad: IdentityOwnerAssignInput!) {
        ok: identityOwnerAssign(input: $ok) { ${PAYLOAD} }
        bad: identityOwnerAssign(input: $bad) { ${PAYLOAD} }
      }`,
      { ok: { identityId, ownerId: team.id }, bad: { identityId: randomUUID(), ownerId: team.id } },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data?.['ok']).toMatchObject({ userErrors: [], identity: { ownershipStatus: 'OWNED' } });
    expect(result.data?.['bad']).toMatchObject({ identity: null, userErrors: [{ code: 'NOT_FOUND', field: ['identityId'] }] });
  });
});

describe('identityOwnerUnassign', () => {
  it('takes the owner off, refuses a blank reason and an empty seat as userErrors', async () => {
    const identityId = await spec.client.discovered();
    const team = await spec.client.owner({ externalRef: ref('team'), kind: 'TEAM', name: 'Payments' });
    await assign({ identityId, ownerId: team.id });

    const blank = await unassign({ identityId, reason: '  ' });
    expect(blank).toMatchObject({ identity: null, userErrors: [{ code: 'INVALID', field: ['reason'] }] });

    const done = await unassign({ identityId, reason: 'team dissolved', clientMutationId: 'u-1' });
    expect(done).toMatchObject({ userErrors: [], clientMutationId: 'u-1', identity: { ownershipStatus: 'UNASSIGNED', owner: null } });

    const empty = await unassign({ identityId, role: 'BACKUP', reason: 'again' });
    expect(empty).toMatchObject({ identity: null, userErrors: [{ code: 'CONFLICT', field: ['role'] }] });
  });
});

describe('the deprecated flat-argument forms', () => {
  it('still answer, with the old error codes for state conflicts', async () => {
    const identityId = await spec.client.discovered();
    const team = await spec.client.owner({ externalRef: ref('team'), kind: 'TEAM', name: 'Payments' });
    const other = await spec.client.owner({ externalRef: ref('other'), kind: 'TEAM', name: 'Other' });

    const assigned = await spec.client.assign({ identityId, ownerId: team.id });
    expect(assigned.data?.assignOwner).toMatchObject({ ownershipStatus: 'OWNED', owner: { externalRef: team.externalRef } });
    const second = await spec.client.assign({ identityId, ownerId: other.id });
    expect(second.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });

    const unassigned = await spec.subgraph.query<{ unassignOwner: { ownershipStatus: string } }>(
      'mutation($id: ID!) { unassignOwner(identityId: $id, reason: "gone") { ownershipStatus } }',
      { id: identityId },
    );
    expect(unassigned.data?.unassignOwner.ownershipStatus).toBe('UNASSIGNED');
    const again = await spec.subgraph.query('mutation($id: ID!) { unassignOwner(identityId: $id, reason: "gone") { ownershipStatus } }', {
      id: identityId,
    });
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'role' });
  });
});
