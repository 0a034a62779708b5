import { dlqTopic, TOPICS } from '@nhi/contracts';
import { subgraphSpec, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';
import { registerIntegrator, TEST_INTEGRATOR_SOURCE } from '../support/integrators';

const spec = subgraphSpec('lifecycle_free_text', bootstrap, {
  env: { LIFECYCLE_TICK_MS: '100', ROTATION_RETRY_BASE_MS: '60000' },
  tap: [TOPICS.rotationRequests, TOPICS.lifecycleEvents, dlqTopic(TOPICS.rotationResults)],
});

/** Fake secrets in real shapes (libs/secrets/corpus); none is or was a credential. */
const GITLAB = 'glpat-FAKEiVeYZ7lbf9xJQm0a';
const OPENAI =
  'sk-proj-FAKESPrNqQehvqizm0pOLuew223_SFTHLdOK6TKOjuDEXNyG7H0WrajvTMXSFrBO73SvxCpD6XQPPMuAwmLMbIl5H9YiOPnbw7kYSpXLna5tzAdGWWHEaFvA';

const discovered = () => spec.subgraph.discover('identity_lifecycle', { provider: 'demo', kind: 'API_KEY' });

async function requestRotation(identityId: string, reason: string) {
  return spec.subgraph.query<{ requestRotation: { id: string } }>(
    'mutation($id: ID!, $reason: String!) { requestRotation(identityId: $id, reason: $reason) { id } }',
    { id: identityId, reason },
  );
}

async function rotationOf(identityId: string) {
  const rows = await spec.subgraph.sql<{ row: string; status: string; error: string | null }>(
    'SELECT r::text AS row, r.status, r.error FROM rotation_requests r WHERE identity_id = $1',
    [identityId],
  );
  return rows;
}

const everythingSaid = (identityId: string) =>
  spec.tap.messages
    .filter((m) => m.key === identityId || m.value?.includes(identityId))
    .map((m) => `${m.value} ${JSON.stringify(m.headers)}`);

// Lifecycle applies results only from a registered integrator; an unregistered one is dead-lettered.
beforeAll(() => registerIntegrator(spec.subgraph, TEST_INTEGRATOR_SOURCE));

describe('secret-looking free text around rotations', () => {
  it('refuses a rotation whose reason carries one, naming the field, and requests nothing', async () => {
    const identityId = await discovered();
    const refused = await requestRotation(identityId, `leaked in a ticket: ${GITLAB}`);
    expect(refused.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'reason' } });
    expect(JSON.stringify(refused)).not.toContain('FAKE');
    expect(await rotationOf(identityId)).toEqual([]);
  });

  it("applies an integrator's failure whose error text is a secret, without keeping the text", async () => {
    const identityId = await discovered();
    const request = (await requestRotation(identityId, 'leaked in a ticket')).data!.requestRotation;
    const event = await spec.subgraph.publish(
      'nhi.rotation.failed',
      { requestId: request.id, nhiId: identityId, error: `vault said: ${OPENAI}` },
      'integrator',
    );
    await waitFor(async () => (await spec.subgraph.sql('SELECT 1 FROM inbox_events WHERE event_id = $1', [event.id])).length > 0);
    const [row] = await waitFor(async () => {
      const rows = await rotationOf(identityId);
      return rows[0]?.status === 'FAILED' && rows;
    });
    expect(row?.error).toBe('[withheld: error looked like an OpenAI API key]');
    expect(row?.row).not.toContain('FAKE');
    expect(everythingSaid(identityId).join('\n')).not.toContain('FAKE');
  });

  it('applies a completed rotation but drops a new fingerprint that carries a token', async () => {
    const identityId = await discovered();
    const request = (await requestRotation(identityId, 'scheduled')).data!.requestRotation;
    const data = {
      requestId: request.id,
      nhiId: identityId,
      rotatedAt: new Date().toISOString(),
      newCredentialFingerprint: `sha256:${GITLAB}`,
    };
    const event = await spec.subgraph.publish('nhi.rotation.completed', data, 'integrator');
    await waitFor(async () => (await spec.subgraph.sql('SELECT 1 FROM inbox_events WHERE event_id = $1', [event.id])).length > 0);
    const [row] = await rotationOf(identityId);
    expect(row?.status).toBe('COMPLETED');
    const [state] = await spec.subgraph.sql<{ row: string }>('SELECT l::text AS row FROM identity_lifecycle l WHERE identity_id = $1', [
      identityId,
    ]);
    expect(state?.row).not.toContain('FAKE');
    await waitFor(() => spec.tap.messages.some((m) => m.key === identityId && m.value?.includes('nhi.credential.rotated')));
    expect(everythingSaid(identityId).join('\n')).not.toContain('FAKE');
  });
});
