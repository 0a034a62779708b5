import { randomUUID } from 'node:crypto';
import type { Actor } from '@nhi/auth';
import { subgraphSpec, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';
import { registerIntegrator, TEST_INTEGRATOR_SOURCE } from '../support/integrators';

const spec = subgraphSpec('lifecycle_rotation_create', bootstrap);

interface Payload {
  rotationRequest: { id: string; identityId: string; status: string; reason: string } | null;
  userErrors: Array<{ field: string[] | null; message: string; code: string }>;
  clientMutationId: string | null;
}

const PAYLOAD = 'rotationRequest { id identityId status reason } userErrors { field message code } clientMutationId';
const discovered = () => spec.subgraph.discover('identity_lifecycle', { provider: 'demo', kind: 'API_KEY' });

async function create(input: Record<string, unknown>, actor?: Actor) {
  const result = await spec.subgraph.query<{ rotationRequestCreate: Payload | null }>(
    `mutation($input: RotationRequestCreateInput!) { rotationRequestCreate(input: $input) { ${PAYLOAD} } }`,
    { input },
    actor,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.rotationRequestCreate!;
}

beforeAll(async () => {
  await registerIntegrator(spec.subgraph, TEST_INTEGRATOR_SOURCE);
});

describe('rotationRequestCreate', () => {
  it('starts a rotation and echoes the clientMutationId', async () => {
    const identityId = await discovered();
    const payload = await create({ identityId, reason: 'key seen in a log', clientMutationId: 'row-7' });

    expect(payload.userErrors).toEqual([]);
    expect(payload.clientMutationId).toBe('row-7');
    expect(payload.rotationRequest).toMatchObject({ identityId, status: 'REQUESTED', reason: 'key seen in a log' });
  });

  it('answers a second request for a rotating identity with the rotation in progress', async () => {
    const identityId = await discovered();
    const first = await create({ identityId, reason: 'first' });
    const second = await create({ identityId, reason: 'pressed again' });

    expect(second.userErrors).toEqual([]);
    expect(second.rotationRequest?.id).toBe(first.rotationRequest?.id);
    expect(second.rotationRequest?.reason).toBe('first');
  });

  it('returns refusals a user can fix as userErrors, with the field at fault', async () => {
    const identityId = await discovered();

    const blank = await create({ identityId, reason: '   ', clientMutationId: 'c1' });
    expect(blank).toEqual({
      rotationRequest: null,
      userErrors: [{ field: ['reason'], code: 'INVALID', message: expect.stringMatching(/reason is required/) }],
      clientMutationId: 'c1',
    });

    // A reason longer than the integrator contract carries, or holding a pasted credential, is refused before anything is stored.
    const long = await create({ identityId, reason: 'x'.repeat(1001) });
    expect(long.userErrors).toEqual([{ field: ['reason'], code: 'INVALID', message: 'reason is 1001 characters; at most 1000 are kept' }]);
    const leaked = ['sk_live_', '4eC39HqLyjWDarjtT1zdp7dc'].join('');
    const pasted = await create({ identityId, reason: `rotate: ${leaked} is in the build log` });
    expect(pasted.rotationRequest).toBeNull();
    expect(pasted.userErrors).toEqual([
      { field: ['reason'], code: 'INVALID', message: expect.stringMatching(/^reason looks like it contains secret material/) },
    ]);
    expect(JSON.stringify(pasted)).not.toContain(leaked);
    const stored = await spec.subgraph.sql('SELECT 1 FROM rotation_requests WHERE identity_id = $1', [identityId]);
    expect(stored).toEqual([]);

    const stranger: Actor = { sub: 'someone-else', roles: ['owner'], ownerRefs: ['team-nobody'] };
    const forbidden = await create({ identityId, reason: 'not mine' }, stranger);
    expect(forbidden.rotationRequest).toBeNull();
    expect(forbidden.userErrors).toEqual([expect.objectContaining({ code: 'FORBIDDEN' })]);
  });

  it('keeps the committed result of one aliased mutation when another in the same request is refused', async () => {
    const identityId = await discovered();
    const result = await spec.subgraph.query<Record<string, Payload>>(
      `mutation($ok: ID!, $unknown: ID!) {
        ok: rotationRequestCreate(input: { identityId: $ok, reason: "batch" }) { ${PAYLOAD} }
        refused: rotationRequestCreate(input: { identityId: $unknown, reason: "batch" }) { ${PAYLOAD} }
      }`,
      { ok: identityId, unknown: randomUUID() },
    );

    expect(result.errors).toBeUndefined();
    expect(result.data?.['ok']?.rotationRequest).toMatchObject({ identityId, status: 'REQUESTED' });
    expect(result.data?.['refused']).toMatchObject({ rotationRequest: null, userErrors: [{ code: 'NOT_FOUND' }] });
  });

  it('returns the first result for a repeated idempotency key, even after that rotation finished, and refuses the key for another input', async () => {
    const identityId = await discovered();
    const key = randomUUID();
    const first = await create({ identityId, reason: 'scheduled', idempotencyKey: key });
    await spec.subgraph.publish(
      'nhi.rotation.completed',
      { requestId: first.rotationRequest!.id, nhiId: identityId, rotatedAt: new Date().toISOString() },
      'integrator',
    );
    await waitFor(
      async () => (await create({ identityId, reason: 'scheduled', idempotencyKey: key })).rotationRequest?.status === 'COMPLETED',
      {
        what: 'the replayed result to show the completed rotation',
      },
    );

    const replay = await create({ identityId, reason: 'scheduled', idempotencyKey: key });
    expect(replay.rotationRequest?.id).toBe(first.rotationRequest?.id);

    const reused = await create({ identityId, reason: 'another reason', idempotencyKey: key });
    expect(reused).toMatchObject({ rotationRequest: null, userErrors: [{ field: ['idempotencyKey'], code: 'CONFLICT' }] });
    expect(reused.userErrors[0]?.message).not.toContain('another reason');
  });

  it('still answers the deprecated requestRotation', async () => {
    const identityId = await discovered();
    const result = await spec.subgraph.query<{ requestRotation: { identityId: string } }>(
      `mutation($id: ID!) { requestRotation(identityId: $id, reason: "old client") { identityId } }`,
      { id: identityId },
    );
    expect(result.data?.requestRotation.identityId).toBe(identityId);
  });
});
