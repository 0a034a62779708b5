import type { Actor } from '@nhi/auth';
import { TOPICS } from '@nhi/contracts';
import { subgraphSpec, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';
import { registerIntegrator } from '../support/integrators';

const spec = subgraphSpec('lifecycle_integrators', bootstrap, {
  tap: [TOPICS.rotationRequests, TOPICS.integrationFeedback, TOPICS.audit],
});

const VIEWER: Actor = { sub: 'val-viewer', roles: ['viewer'], ownerRefs: [] };

interface Feedback {
  type: string;
  data: { topic: string; originalSource: string | null; originalId: string | null; reason: string; consumer: string };
}

/** Asks for a rotation of a fresh demo identity and returns the identity and the request the integrator saw. */
async function rotating(): Promise<{ identityId: string; requestId: string }> {
  const identityId = await spec.subgraph.discover('identity_lifecycle', { provider: 'demo', kind: 'API_KEY' });
  await spec.subgraph.query('mutation($id: ID!) { requestRotation(identityId: $id, reason: "drill") { id } }', { id: identityId });
  const request = await waitFor(() =>
    spec.tap.messages.find((m) => m.topic === spec.subgraph.topic(TOPICS.rotationRequests) && m.key === identityId),
  );
  return { identityId, requestId: (JSON.parse(request.value ?? '{}') as { data: { requestId: string } }).data.requestId };
}

/** A completed result written by hand, from `source`. */
async function completedFrom(source: string, identityId: string, requestId: string, id: string): Promise<void> {
  const event = {
    specversion: '1.0',
    id,
    source,
    type: 'nhi.rotation.completed',
    data: { requestId, nhiId: identityId, rotatedAt: new Date().toISOString() },
  };
  await spec.subgraph.produceRaw(TOPICS.rotationResults, { key: identityId, value: JSON.stringify(event) });
}

async function stateOf(identityId: string): Promise<string> {
  const [row] = await spec.subgraph.sql<{ state: string }>('SELECT state FROM identity_lifecycle WHERE identity_id = $1', [identityId]);
  return row?.state ?? 'unknown';
}

const feedbackAbout = (identityId: string) =>
  waitFor(() => {
    const found = spec.tap.messages.find((m) => m.topic === spec.subgraph.topic(TOPICS.integrationFeedback) && m.key === identityId);
    return found && (JSON.parse(found.value ?? '{}') as Feedback);
  });

describe('the integrator registry', () => {
  it('is managed by security-admins only, with clear errors that never quote the value', async () => {
    const byViewer = await spec.subgraph.query(
      'mutation { registerIntegrator(input: { source: "/integrators/acme", providers: ["demo"] }) { source } }',
      {},
      VIEWER,
    );
    expect(byViewer.errors?.[0]?.extensions).toMatchObject({ code: 'FORBIDDEN' });

    const badSource = await spec.subgraph.query('mutation($i: RegisterIntegratorInput!) { registerIntegrator(input: $i) { source } }', {
      i: { source: 'acme rotator <bad>', providers: ['demo'] },
    });
    expect(badSource.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^source must be a URI-reference/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
    expect(JSON.stringify(badSource.errors)).not.toContain('acme rotator');

    await registerIntegrator(spec.subgraph, '/integrators/acme', ['Demo', 'aws', 'demo']);
    const listed = await spec.subgraph.query<{ integrators: Array<{ source: string; providers: string[]; registeredBy: string }> }>(
      '{ integrators { source providers registeredBy } }',
    );
    expect(listed.data?.integrators).toContainEqual({
      source: '/integrators/acme',
      providers: ['demo', 'aws'],
      registeredBy: 'test-admin',
    });
  });

  it('applies results only from a source registered for the identity’s provider; others are refused with feedback and an audit record', async () => {
    await registerIntegrator(spec.subgraph, 'https://aws-only.example', ['aws']);
    const unknown = await rotating();
    const wrongProvider = await rotating();

    await completedFrom('/integrators/rogue', unknown.identityId, unknown.requestId, 'rogue-1');
    await completedFrom('https://aws-only.example', wrongProvider.identityId, wrongProvider.requestId, 'aws-1');

    for (const [target, source, id] of [
      [unknown, '/integrators/rogue', 'rogue-1'],
      [wrongProvider, 'https://aws-only.example', 'aws-1'],
    ] as const) {
      const feedback = await feedbackAbout(target.identityId);
      expect(feedback).toMatchObject({
        type: 'nhi.integration.rejected',
        data: { topic: TOPICS.rotationResults, originalSource: source, originalId: id, consumer: 'lifecycle' },
      });
      expect(feedback.data.reason).toMatch(/comes from a source not registered for provider demo/);
      const audit = await waitFor(() =>
        spec.tap.messages.find(
          (m) => m.topic === spec.subgraph.topic(TOPICS.audit) && m.key === target.identityId && m.value?.includes('applyIntegratorResult'),
        ),
      );
      expect(JSON.parse(audit.value ?? '{}')).toMatchObject({
        data: {
          actor: source,
          roles: ['integrator'],
          operation: 'applyIntegratorResult',
          outcome: 'REJECTED',
          errorCode: 'UntrustedResultError',
        },
      });
      expect(await stateOf(target.identityId)).toBe('ROTATING');
    }
  });

  it('refuses the results of a retired integrator, and applies them once it is registered again', async () => {
    await registerIntegrator(spec.subgraph, '/integrators/retiring');
    const retired = await spec.subgraph.query<{ retireIntegrator: { retiredAt: string | null } }>(
      'mutation { retireIntegrator(source: "/integrators/retiring") { retiredAt } }',
    );
    expect(retired.data?.retireIntegrator.retiredAt).not.toBeNull();
    const { identityId, requestId } = await rotating();

    await completedFrom('/integrators/retiring', identityId, requestId, 'after-retirement');
    expect((await feedbackAbout(identityId)).data.originalId).toBe('after-retirement');
    expect(await stateOf(identityId)).toBe('ROTATING');

    await registerIntegrator(spec.subgraph, '/integrators/retiring');
    await completedFrom('/integrators/retiring', identityId, requestId, 'registered-again');
    await waitFor(async () => (await stateOf(identityId)) === 'ACTIVE', { what: 'the result of the integrator registered again' });
  });
});
