import { randomUUID } from 'node:crypto';
import type { Actor } from '@nhi/auth';
import { subgraphSpec, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';
import { registerIntegrator, TEST_INTEGRATOR_SOURCE } from '../support/integrators';

const spec = subgraphSpec('lifecycle_revocation_create', bootstrap);

interface Payload {
  revocationRequest: { id: string; identityId: string; status: string; reason: string; force: boolean } | null;
  userErrors: Array<{ field: string[] | null; message: string; code: string }>;
  clientMutationId: string | null;
}

const PAYLOAD = 'revocationRequest { id identityId status reason force } userErrors { field message code } clientMutationId';
const OWNER: Actor = { sub: 'olive', roles: ['owner'], ownerRefs: [] };
const discovered = () => spec.subgraph.discover('identity_lifecycle', { provider: 'demo', kind: 'API_KEY' });

async function create(input: Record<string, unknown>, actor?: Actor): Promise<Payload> {
  const result = await spec.subgraph.query<{ revocationRequestCreate: Payload | null }>(
    `mutation($input: RevocationRequestCreateInput!) { revocationRequestCreate(input: $input) { ${PAYLOAD} } }`,
    { input },
    actor,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.revocationRequestCreate!;
}

async function stateOf(identityId: string): Promise<string> {
  const [row] = await spec.subgraph.sql<{ state: string }>('SELECT state FROM identity_lifecycle WHERE identity_id = $1', [identityId]);
  return row?.state ?? 'unknown';
}

beforeAll(async () => {
  await registerIntegrator(spec.subgraph, TEST_INTEGRATOR_SOURCE);
});

describe('revocationRequestCreate', () => {
  it('starts a revocation and echoes the clientMutationId', async () => {
    const identityId = await discovered();
    const payload = await create({ identityId, reason: 'key seen in a log', force: true, clientMutationId: 'row-3' });

    expect(payload).toEqual({
      revocationRequest: { id: expect.any(String), identityId, status: 'REQUESTED', reason: 'key seen in a log', force: true },
      userErrors: [],
      clientMutationId: 'row-3',
    });
    expect(await stateOf(identityId)).toBe('REVOKING');
  });

  it('answers a second request for an identity being revoked with the revocation in progress', async () => {
    const identityId = await discovered();
    const first = await create({ identityId, reason: 'first' });
    const second = await create({ identityId, reason: 'pressed again' });

    expect(second.userErrors).toEqual([]);
    expect(second.revocationRequest?.id).toBe(first.revocationRequest?.id);
    expect(second.revocationRequest?.reason).toBe('first');
  });

  it('makes the revocation in progress forced when a security-admin asks again with force', async () => {
    const identityId = await discovered();
    const first = await create({ identityId, reason: 'retired service' });
    expect(first.revocationRequest?.force).toBe(false);

    const forced = await create({ identityId, reason: 'still in use by a rogue job', force: true });
    expect(forced.userErrors).toEqual([]);
    expect(forced.revocationRequest).toMatchObject({ id: first.revocationRequest?.id, reason: 'retired service', force: true });
    const rows = await spec.subgraph.sql<{ force: boolean }>('SELECT force FROM revocation_requests WHERE identity_id = $1', [identityId]);
    expect(rows).toEqual([{ force: true }]);
    // Asking again without force never takes it away.
    expect((await create({ identityId, reason: 'again' })).revocationRequest?.force).toBe(true);
  });

  it('returns refusals a user can fix as userErrors, with the field at fault and without quoting the value', async () => {
    const identityId = await discovered();

    const blank = await create({ identityId, reason: '   ', clientMutationId: 'c1' });
    expect(blank).toEqual({
      revocationRequest: null,
      userErrors: [{ field: ['reason'], code: 'INVALID', message: expect.stringMatching(/reason is required/) }],
      clientMutationId: 'c1',
    });

    const forcedByOwner = await create({ identityId, reason: 'compromised', force: true }, OWNER);
    expect(forcedByOwner.userErrors).toEqual([
      { field: ['force'], code: 'FORBIDDEN', message: expect.stringMatching(/needs the security-admin role/) },
    ]);

    const stranger: Actor = { sub: 'someone-else', roles: ['owner'], ownerRefs: ['team-nobody'] };
    const notMine = await create({ identityId, reason: 'not mine' }, stranger);
    expect(notMine).toMatchObject({ revocationRequest: null, userErrors: [{ code: 'FORBIDDEN' }] });

    const missing = randomUUID();
    const unknown = await create({ identityId: missing, reason: 'gone' });
    expect(unknown).toMatchObject({ revocationRequest: null, userErrors: [{ field: ['identityId'], code: 'NOT_FOUND' }] });
    expect(unknown.userErrors[0]?.message).not.toContain(missing);

    const notAnId = await create({ identityId: 'svc-payments', reason: 'gone' });
    expect(notAnId.userErrors).toEqual([expect.objectContaining({ field: ['identityId'], code: 'NOT_FOUND' })]);
    expect(await stateOf(identityId)).toBe('ACTIVE');
  });

  it('replays an idempotency key after the revocation finished, refuses the key for another input, and refuses a revoked identity as a CONFLICT', async () => {
    const identityId = await discovered();
    const key = randomUUID();
    const first = await create({ identityId, reason: 'retired', idempotencyKey: key });
    await spec.subgraph.publish(
      'nhi.revocation.completed',
      { requestId: first.revocationRequest!.id, nhiId: identityId, revokedAt: new Date().toISOString() },
      'integrator',
    );
    await waitFor(async () => (await stateOf(identityId)) === 'REVOKED', { what: 'the identity to be REVOKED' });

    const replay = await create({ identityId, reason: 'retired', idempotencyKey: key });
    expect(replay).toMatchObject({ revocationRequest: { id: first.revocationRequest!.id, status: 'COMPLETED' }, userErrors: [] });

    const reused = await create({ identityId, reason: 'another reason', idempotencyKey: key });
    expect(reused).toMatchObject({ revocationRequest: null, userErrors: [{ field: ['idempotencyKey'], code: 'CONFLICT' }] });
    expect(reused.userErrors[0]?.message).not.toContain('another reason');

    const again = await create({ identityId, reason: 'once more' });
    expect(again).toMatchObject({ revocationRequest: null, userErrors: [{ field: ['identityId'], code: 'CONFLICT' }] });
    expect(again.userErrors[0]?.message).not.toContain(identityId);

    const old = await spec.subgraph.query('mutation($id: ID!) { requestRevocation(identityId: $id, reason: "old client") { id } }', {
      id: identityId,
    });
    expect(old.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
  });

  it('keeps the committed result of one aliased mutation when another in the same request is refused', async () => {
    const identityId = await discovered();
    const result = await spec.subgraph.query<Record<string, Payload>>(
      `mutation($ok: ID!, $unknown: ID!) {
        ok: revocationRequestCreate(input: { identityId: $ok, reason: "batch" }) { ${PAYLOAD} }
        refused: revocationRequestCreate(input: { identityId: $unknown, reason: "batch" }) { ${PAYLOAD} }
      }`,
      { ok: identityId, unknown: randomUUID() },
    );

    expect(result.errors).toBeUndefined();
    expect(result.data?.['ok']?.revocationRequest).toMatchObject({ identityId, status: 'REQUESTED' });
    expect(result.data?.['refused']).toMatchObject({ revocationRequest: null, userErrors: [{ code: 'NOT_FOUND' }] });
  });

  it('still answers the deprecated requestRevocation, refusing a second request as before', async () => {
    const identityId = await discovered();
    const result = await spec.subgraph.query<{ requestRevocation: { identityId: string } }>(
      'mutation($id: ID!) { requestRevocation(identityId: $id, reason: "old client") { identityId } }',
      { id: identityId },
    );
    expect(result.data?.requestRevocation.identityId).toBe(identityId);

    const second = await spec.subgraph.query('mutation($id: ID!) { requestRevocation(identityId: $id, reason: "again") { id } }', {
      id: identityId,
    });
    expect(second.errors?.[0]?.extensions?.['code']).toBe('BAD_USER_INPUT');
    expect(second.errors?.[0]?.message).toMatch(/a revocation of this identity is already in progress/);
  });
});
