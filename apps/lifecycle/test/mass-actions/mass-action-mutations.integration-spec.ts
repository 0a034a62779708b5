import { randomUUID } from 'node:crypto';
import type { Actor } from '@nhi/auth';
import { subgraphSpec } from '@nhi/testing';
import { bootstrap } from '../../src/main';

const spec = subgraphSpec('lifecycle_mass_mutations', bootstrap);

interface Payload {
  massAction: {
    id: string;
    action: string;
    reason: string;
    selected: number;
    skipped: number;
    notFound: number;
    progress: { requested: number; held: number };
  } | null;
  userErrors: Array<{ field: string[] | null; message: string; code: string }>;
  clientMutationId: string | null;
}

const PAYLOAD =
  'massAction { id action reason selected skipped notFound progress { requested held } } userErrors { field message code } clientMutationId';
const STRANGER: Actor = { sub: 'someone-else', roles: ['owner'], ownerRefs: ['team-nobody'] };

const discovered = () => spec.subgraph.discover('identity_lifecycle', { provider: 'demo', kind: 'API_KEY' });

async function create(
  mutation: 'rotationRequestsCreate' | 'revocationRequestsCreate',
  input: Record<string, unknown>,
  actor?: Actor,
): Promise<Payload> {
  const type = mutation === 'rotationRequestsCreate' ? 'RotationRequestsCreateInput' : 'RevocationRequestsCreateInput';
  const result = await spec.subgraph.query<Record<string, Payload | null>>(
    `mutation($input: ${type}!) { ${mutation}(input: $input) { ${PAYLOAD} } }`,
    { input },
    actor,
  );
  expect(result.errors).toBeUndefined();
  return result.data![mutation]!;
}

const rotations = (ids: string[]) => spec.subgraph.sql('SELECT 1 FROM rotation_requests WHERE identity_id = ANY($1::uuid[])', [ids]);
const revocations = (ids: string[]) => spec.subgraph.sql('SELECT 1 FROM revocation_requests WHERE identity_id = ANY($1::uuid[])', [ids]);

describe('rotationRequestsCreate and revocationRequestsCreate', () => {
  it('start a mass rotation and a mass revocation, echoing the clientMutationId', async () => {
    const ids = [await discovered(), await discovered()];
    const rotated = await create('rotationRequestsCreate', {
      selection: { identityIds: [...ids, randomUUID()] },
      reason: 'incident 42',
      clientMutationId: 'm-1',
    });
    expect(rotated).toEqual({
      massAction: {
        id: expect.any(String),
        action: 'ROTATION',
        reason: 'incident 42',
        selected: 2,
        skipped: 0,
        notFound: 1,
        progress: { requested: 2, held: 0 },
      },
      userErrors: [],
      clientMutationId: 'm-1',
    });
    expect(await rotations(ids)).toHaveLength(2);

    const revoked = await create('revocationRequestsCreate', {
      selection: { identityIds: ids },
      reason: 'retired',
      clientMutationId: 'm-2',
    });
    expect(revoked).toMatchObject({ massAction: { action: 'REVOCATION', selected: 2 }, userErrors: [], clientMutationId: 'm-2' });
    expect(await revocations(ids)).toHaveLength(2);
  });

  it('returns a wrong selection or reason as a userError on its field, without quoting the value', async () => {
    const id = await discovered();

    expect(await create('rotationRequestsCreate', { selection: {}, reason: 'x', clientMutationId: 'e' })).toEqual({
      massAction: null,
      userErrors: [{ field: ['selection'], code: 'INVALID', message: expect.stringMatching(/never selects everything/) }],
      clientMutationId: 'e',
    });

    const badId = await create('rotationRequestsCreate', { selection: { identityIds: [id, 'svc-not-a-uuid'] }, reason: 'x' });
    expect(badId.userErrors).toEqual([{ field: ['selection', 'identityIds', '1'], code: 'INVALID', message: expect.any(String) }]);
    expect(badId.userErrors[0]!.message).not.toContain('svc-not-a-uuid');

    const noPlan = await create('revocationRequestsCreate', { selection: { revocationPlanId: randomUUID() }, reason: 'x' });
    expect(noPlan.userErrors).toEqual([expect.objectContaining({ field: ['selection', 'revocationPlanId'], code: 'INVALID' })]);

    const blank = await create('revocationRequestsCreate', { selection: { identityIds: [id] }, reason: ' ' });
    expect(blank.userErrors).toEqual([expect.objectContaining({ field: ['reason'], code: 'INVALID' })]);

    expect(await rotations([id])).toHaveLength(0);
    expect(await revocations([id])).toHaveLength(0);
  });

  it('refuses an owner a selection outside what they own, as a FORBIDDEN userError, and requests nothing', async () => {
    const id = await discovered();
    const refused = await create('rotationRequestsCreate', { selection: { identityIds: [id] }, reason: 'not mine' }, STRANGER);
    expect(refused).toMatchObject({ massAction: null, userErrors: [{ code: 'FORBIDDEN' }] });
    expect(await rotations([id])).toHaveLength(0);
  });

  it('returns the first mass action for a repeated idempotency key, and refuses the key for another input', async () => {
    const ids = [await discovered(), await discovered()];
    const key = randomUUID();
    const input = { selection: { identityIds: ids }, reason: 'leak', idempotencyKey: key };

    const first = await create('revocationRequestsCreate', input);
    const replay = await create('revocationRequestsCreate', input);
    expect(replay).toEqual(first);
    expect(await revocations(ids)).toHaveLength(2);
    expect(await spec.subgraph.sql("SELECT 1 FROM mass_actions WHERE reason = 'leak' AND id = $1", [first.massAction!.id])).toHaveLength(1);

    const reused = await create('revocationRequestsCreate', { ...input, reason: 'another leak' });
    expect(reused).toMatchObject({ massAction: null, userErrors: [{ field: ['idempotencyKey'], code: 'CONFLICT' }] });

    // Keys are scoped per mutation: the same key on the other one is a new call.
    const rotation = await create('rotationRequestsCreate', { ...input, selection: { identityIds: [await discovered()] } });
    expect(rotation).toMatchObject({ massAction: { action: 'ROTATION' }, userErrors: [] });
  });

  it('still answers the deprecated requestRotations and requestRevocations', async () => {
    const id = await discovered();
    const rotated = await spec.subgraph.query<{ requestRotations: { selected: number } }>(
      'mutation($s: IdentitySelection!) { requestRotations(selection: $s, reason: "old client") { selected } }',
      { s: { identityIds: [id] } },
    );
    expect(rotated.data?.requestRotations.selected).toBe(1);
    const revoked = await spec.subgraph.query<{ requestRevocations: { selected: number } }>(
      'mutation($s: IdentitySelection!) { requestRevocations(selection: $s, reason: "old client") { selected } }',
      { s: { identityIds: [id] } },
    );
    expect(revoked.data?.requestRevocations.selected).toBe(1);
    const refused = await spec.subgraph.query('mutation { requestRotations(selection: {}, reason: "old client") { id } }');
    expect(refused.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });
});
