import { randomUUID } from 'node:crypto';
import type { Actor } from '@nhi/auth';
import { subgraphSpec, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';
import { registerIntegrator, TEST_INTEGRATOR_SOURCE } from '../support/integrators';

const spec = subgraphSpec('lifecycle_progress', bootstrap, { env: { LIFECYCLE_TICK_MS: '100', ROTATION_RETRY_BASE_MS: '200' } });

const FIELDS = 'id identityId status attempt reason requestedAt deadline completedAt error nextAttemptAt retriedAt';

interface Attempt {
  id: string;
  identityId: string;
  status: string;
  attempt: number;
  deadline: string;
  completedAt: string | null;
  error: string | null;
  nextAttemptAt: string | null;
  retriedAt: string | null;
}

const discovered = () => spec.subgraph.discover('identity_lifecycle', { provider: 'demo', kind: 'API_KEY' });

async function requested(kind: 'Rotation' | 'Revocation', identityId: string): Promise<Attempt> {
  const result = await spec.subgraph.query<Record<string, Attempt>>(
    `mutation($id: ID!) { request${kind}(identityId: $id, reason: "watched by a portal") { ${FIELDS} } }`,
    { id: identityId },
  );
  const attempt = result.data?.[`request${kind}`];
  if (!attempt) throw new Error(`request${kind} refused: ${JSON.stringify(result.errors)}`);
  return attempt;
}

async function rotationRequest(id: string, actor?: Actor) {
  return spec.subgraph.query<{ rotationRequest: Attempt | null }>(
    `query($id: ID!) { rotationRequest(id: $id) { ${FIELDS} } }`,
    { id },
    actor,
  );
}

async function statusOf(id: string): Promise<string | undefined> {
  return (await rotationRequest(id)).data?.rotationRequest?.status;
}

beforeAll(async () => {
  await registerIntegrator(spec.subgraph, TEST_INTEGRATOR_SOURCE);
});

describe('rotation and revocation progress by request id', () => {
  it('finds a requested rotation by its id, and shows the status change a completed result makes', async () => {
    const identityId = await discovered();
    const request = await requested('Rotation', identityId);

    const found = await rotationRequest(request.id.toUpperCase());
    expect(found.errors).toBeUndefined();
    expect(found.data?.rotationRequest).toEqual(request);
    expect(request).toMatchObject({ identityId, status: 'REQUESTED', attempt: 1, completedAt: null, nextAttemptAt: null });

    await spec.subgraph.publish(
      'nhi.rotation.completed',
      { requestId: request.id, nhiId: identityId, rotatedAt: new Date().toISOString() },
      'integrator',
    );
    await waitFor(async () => (await statusOf(request.id)) === 'COMPLETED', { what: 'the rotation to read as COMPLETED' });
    expect((await rotationRequest(request.id)).data?.rotationRequest).toMatchObject({ error: null, nextAttemptAt: null, retriedAt: null });
  });

  it('shows a failed attempt with its error and when it is retried, the retry being a new request', async () => {
    const identityId = await discovered();
    const request = await requested('Rotation', identityId);
    await spec.subgraph.publish('nhi.rotation.failed', { requestId: request.id, nhiId: identityId, error: 'vault sealed' }, 'integrator');

    const retried = await waitFor(
      async () => {
        const attempt = (await rotationRequest(request.id)).data?.rotationRequest;
        return attempt?.retriedAt ? attempt : false;
      },
      { what: 'the failed attempt to be retried' },
    );
    expect(retried).toMatchObject({ status: 'FAILED', error: 'vault sealed' });
    expect(retried.nextAttemptAt).not.toBeNull();
    const [next] = await spec.subgraph.sql<{ id: string }>('SELECT id FROM rotation_requests WHERE identity_id = $1 AND attempt = 2', [
      identityId,
    ]);
    expect((await rotationRequest(next?.id ?? '')).data?.rotationRequest).toMatchObject({ status: 'REQUESTED', attempt: 2 });
  });

  it('finds a revocation by its id, and answers null for ids that name no request of that kind', async () => {
    const rotation = await requested('Rotation', await discovered());
    const revocation = await requested('Revocation', await discovered());

    const result = await spec.subgraph.query<Record<string, Attempt | null>>(
      `query($revocation: ID!, $rotation: ID!, $unknown: ID!) {
         revocation: revocationRequest(id: $revocation) { id status attempt deadline }
         rotationAsRevocation: revocationRequest(id: $rotation) { id }
         unknown: rotationRequest(id: $unknown) { id }
         notAUuid: rotationRequest(id: "rotation-1") { id }
       }`,
      { revocation: revocation.id, rotation: rotation.id, unknown: randomUUID() },
    );

    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      revocation: { id: revocation.id, status: 'REQUESTED', attempt: 1, deadline: revocation.deadline },
      rotationAsRevocation: null,
      unknown: null,
      notAUuid: null,
    });
  });

  it("lets an owner read another team's rotation as it reads that identity's lifecycle, and refuses an integrator", async () => {
    const identityId = await discovered();
    const request = await requested('Rotation', identityId);
    const alice: Actor = { sub: 'alice', roles: ['owner'], ownerRefs: ['alice', 'team-payments'] };

    const asOwner = await rotationRequest(request.id, alice);
    const throughLifecycle = await spec.subgraph.query<{ _entities: Array<{ lifecycle: { rotations: Array<{ id: string }> } }> }>(
      'query($r: [_Any!]!) { _entities(representations: $r) { ... on NonHumanIdentity { lifecycle { rotations(first: 1) { id } } } } }',
      { r: [{ __typename: 'NonHumanIdentity', id: identityId }] },
      alice,
    );
    expect(asOwner.data?.rotationRequest?.id).toBe(request.id);
    expect(throughLifecycle.data?._entities[0]?.lifecycle.rotations).toEqual([{ id: request.id }]);

    const asIntegrator = await rotationRequest(request.id, { sub: 'rotator', roles: ['integrator'], ownerRefs: [] });
    expect(asIntegrator.status).toBe(403);
    expect(asIntegrator.data?.rotationRequest).toBeUndefined();
  });
});
