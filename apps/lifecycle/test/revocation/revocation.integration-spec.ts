import { TOPICS } from '@nhi/contracts';
import { subgraphSpec, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';
import { registerIntegrator, TEST_INTEGRATOR_SOURCE } from '../support/integrators';

const spec = subgraphSpec('lifecycle_revocation', bootstrap, {
  env: { LIFECYCLE_TICK_MS: '100', ROTATION_RETRY_BASE_MS: '200' },
  tap: [TOPICS.revocationRequests, TOPICS.lifecycleEvents],
});

function discovered(): Promise<string> {
  return spec.subgraph.discover('identity_lifecycle', { provider: 'demo' });
}

const revocationRequests = (identityId: string) =>
  spec.tap.messages
    .filter((m) => m.topic === spec.subgraph.topic(TOPICS.revocationRequests) && m.key === identityId)
    .map((m) => (JSON.parse(m.value ?? '{}') as { data: { requestId: string; reason: string; force: boolean } }).data);

async function stateOf(id: string): Promise<{ state: string; revocation: { status: string; reason: string } | null }> {
  const result = await spec.subgraph.query<{
    _entities: Array<{ lifecycle: { state: string; revocation: { status: string; reason: string } | null } }>;
  }>(
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on NonHumanIdentity { lifecycle { state revocation { status reason } } } } }',
    { r: [{ __typename: 'NonHumanIdentity', id }] },
  );
  const found = result.data?._entities[0]?.lifecycle;
  if (!found) throw new Error(JSON.stringify(result.errors));
  return found;
}

beforeAll(async () => {
  await registerIntegrator(spec.subgraph, TEST_INTEGRATOR_SOURCE);
});

describe('revocation', () => {
  it('revokes a decommissioned identity through the integrator, and never rotates it again', async () => {
    const identityId = await discovered();
    await spec.subgraph.publish('nhi.identity.decommissioned', {
      id: identityId,
      reason: 'service retired',
      decommissionedBy: 'alice',
      decommissionedAt: new Date().toISOString(),
    });

    const [request] = await waitFor(() => revocationRequests(identityId).length === 1 && revocationRequests(identityId), {
      what: 'the revocation request on the integrator topic',
    });
    expect(request).toMatchObject({ reason: 'decommissioned by alice: service retired', force: false });
    expect((await stateOf(identityId)).state).toBe('REVOKING');

    const result = await spec.subgraph.publish(
      'nhi.revocation.completed',
      { requestId: request?.requestId ?? '', nhiId: identityId, revokedAt: new Date().toISOString() },
      'integrator',
    );
    await waitFor(async () => (await spec.subgraph.sql('SELECT 1 FROM inbox_events WHERE event_id = $1', [result.id])).length > 0);

    expect(await stateOf(identityId)).toMatchObject({ state: 'REVOKED', revocation: { status: 'COMPLETED' } });
    const rotation = await spec.subgraph.query('mutation($id: ID!) { requestRotation(identityId: $id, reason: "routine") { id } }', {
      id: identityId,
    });
    expect(rotation.errors?.[0]?.message).toMatch(/is REVOKED; a revoked credential is never rotated/);
    await waitFor(() => spec.tap.messages.some((m) => m.key === identityId && m.value?.includes('"nhi.credential.revoked"')));
  });

  it('requests the revocation of an orphan that ownership gave up on', async () => {
    const identityId = await discovered();
    await spec.subgraph.publish(
      'nhi.ownership.revocation-requested',
      { identityId, reason: 'nobody took it', orphanedAt: new Date().toISOString(), requestedAt: new Date().toISOString() },
      'ownership',
    );

    const [request] = await waitFor(() => revocationRequests(identityId).length === 1 && revocationRequests(identityId));
    expect(request?.reason).toBe('orphan: nobody took it');
  });

  it('lets only a security-admin force a revocation', async () => {
    const identityId = await discovered();
    const mutation = 'mutation($id: ID!) { requestRevocation(identityId: $id, reason: "compromised", force: true) { status } }';

    const refused = await spec.subgraph.query(mutation, { id: identityId }, { sub: 'olive', roles: ['owner'], ownerRefs: [] });
    expect(refused.errors?.[0]).toMatchObject({
      message: 'Forbidden: a forced revocation needs the security-admin role; olive has owner',
      extensions: { code: 'FORBIDDEN' },
    });

    const forced = await spec.subgraph.query<{ requestRevocation: { status: string } }>(mutation, { id: identityId });
    expect(forced.data?.requestRevocation.status).toBe('REQUESTED');
    await waitFor(() => revocationRequests(identityId)[0]?.force === true);
  });
});
