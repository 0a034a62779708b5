import { randomUUID } from 'node:crypto';
import { ownershipSpec } from '../support/ownership-spec';
import { uniqueNames } from '../support/unique-names';

const spec = ownershipSpec('owner-mutations');
const ref = uniqueNames();

interface OwnerPayload {
  owner: { id: string; externalRef: string; name: string; kind: string; active: boolean; parent: { externalRef: string } | null } | null;
  userErrors: Array<{ field: string[] | null; message: string; code: string }>;
  clientMutationId: string | null;
}

const PAYLOAD = 'owner { id externalRef name kind active parent { externalRef } } userErrors { field message code } clientMutationId';

async function call(mutation: 'ownerUpsert' | 'ownerDeactivate', input: Record<string, unknown>): Promise<OwnerPayload> {
  const inputType = mutation === 'ownerUpsert' ? 'OwnerUpsertInput' : 'OwnerDeactivateInput';
  const result = await spec.subgraph.query<Record<string, OwnerPayload | null>>(
    `mutation($input: ${inputType}!) { ${mutation}(input: $input) { ${PAYLOAD} } }`,
    { input },
  );
  expect(result.errors).toBeUndefined();
  return result.data![mutation]!;
}

const upsert = (input: Record<string, unknown>) => call('ownerUpsert', input);
const deactivate = (input: Record<string, unknown>) => call('ownerDeactivate', input);

describe('ownerUpsert', () => {
  it('creates an owner, updates it in place on a repeat, and echoes the clientMutationId', async () => {
    const externalRef = ref('team');
    const created = await upsert({ externalRef, kind: 'TEAM', name: 'Payments', clientMutationId: 'o-1' });
    const renamed = await upsert({ externalRef, kind: 'TEAM', name: 'Payments Core' });

    expect(created).toMatchObject({ userErrors: [], clientMutationId: 'o-1', owner: { externalRef, name: 'Payments', active: true } });
    expect(renamed.owner).toMatchObject({ id: created.owner?.id, name: 'Payments Core' });
  });

  it('returns validation refusals as userErrors naming the input field, without quoting the value', async () => {
    const externalRef = ref('alice');
    await upsert({ externalRef, kind: 'PERSON', name: 'Alice' });

    const blank = await upsert({ externalRef: ref('blank'), kind: 'TEAM', name: '  ' });
    const email = await upsert({ externalRef: ref('mail'), kind: 'PERSON', name: 'Bo', email: 'not-an-address' });
    const kind = await upsert({ externalRef, kind: 'TEAM', name: 'Alice' });

    expect(blank).toMatchObject({ owner: null, userErrors: [{ code: 'INVALID', field: ['name'] }] });
    expect(email).toMatchObject({ owner: null, userErrors: [{ code: 'INVALID', field: ['email'] }] });
    expect(kind).toMatchObject({ owner: null, userErrors: [{ code: 'INVALID', field: ['kind'] }] });
    expect(JSON.stringify([email, kind])).not.toMatch(new RegExp(`not-an-address|${externalRef}`));
  });
});

describe('ownerDeactivate', () => {
  it('deactivates an owner and moves its identities to the backup; refuses it again as a CONFLICT and an unknown owner as NOT_FOUND', async () => {
    const identityId = await spec.client.discovered();
    const carol = await spec.client.owner({ externalRef: ref('carol'), kind: 'PERSON', name: 'Carol' });
    const dave = await spec.client.owner({ externalRef: ref('dave'), kind: 'PERSON', name: 'Dave' });
    await spec.client.assign({ identityId, ownerId: carol.id });
    await spec.client.assign({ identityId, ownerId: dave.id, role: 'BACKUP' });

    const blank = await deactivate({ ownerId: carol.id, reason: ' ' });
    expect(blank).toMatchObject({ owner: null, userErrors: [{ code: 'INVALID', field: ['reason'] }] });

    const left = await deactivate({ ownerId: carol.id, reason: 'left the company', clientMutationId: 'd-1' });
    expect(left).toMatchObject({ userErrors: [], clientMutationId: 'd-1', owner: { id: carol.id, active: false } });
    expect(await spec.client.identity(identityId)).toMatchObject({ ownershipStatus: 'OWNED', owner: { externalRef: dave.externalRef } });

    const again = await deactivate({ ownerId: carol.id, reason: 'left the company' });
    expect(again).toMatchObject({ owner: null, userErrors: [{ code: 'CONFLICT', field: ['ownerId'] }] });
    const unknownId = randomUUID();
    const unknown = await deactivate({ ownerId: unknownId, reason: 'left' });
    expect(unknown).toMatchObject({ owner: null, userErrors: [{ code: 'NOT_FOUND', field: ['ownerId'] }] });
    expect(JSON.stringify([again, unknown])).not.toMatch(new RegExp(`${carol.externalRef}|${unknownId}|Carol`));
  });
});

describe('the deprecated flat-argument forms', () => {
  it('still answer, with the old error codes', async () => {
    const created = await spec.client.upsertOwner({ externalRef: ref('legacy'), kind: 'TEAM', name: 'Legacy' });
    expect(created.data?.upsertOwner).toMatchObject({ name: 'Legacy', active: true });
    const id = created.data!.upsertOwner.id;

    const left = await spec.client.deactivate(id, 'merged away');
    expect(left.data?.deactivateOwner).toMatchObject({ id, active: false });
    const again = await spec.client.deactivate(id, 'merged away');
    expect(again.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'ownerId' });
    const unknown = await spec.client.deactivate(randomUUID(), 'x');
    expect(unknown.errors?.[0]?.extensions?.['code']).toBe('NOT_FOUND');
  });
});
