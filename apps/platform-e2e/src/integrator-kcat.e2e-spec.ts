import { TOPICS } from '@nhi/contracts';
import { graphql } from '@nhi/launcher';
import { checkedSnippets, runSnippet, waitFor } from '@nhi/testing';
import { E2ePlatform, startE2ePlatform } from './support/e2e-platform';

/**
 * An outside integrator with nothing of ours: kcat and the hand-written JSON of
 * docs/integrators.md, run as written (only the broker and the run's topic
 * prefix differ), against the whole platform through the gateway.
 */
const PROVIDER = 'acme-vault';
const snippets = checkedSnippets('docs/integrators.md');
let e2e: E2ePlatform;
let token: string;

interface Lifecycle {
  state: string;
  lastRotatedAt: string | null;
  rotations: Array<{ id: string; status: string }>;
  revocation: { id: string; status: string } | null;
}

interface Feedback {
  type: string;
  data: { topic: string; originalSource: string | null; originalId: string | null; reason: string };
}

beforeAll(async () => {
  e2e = await startE2ePlatform(5300);
  token = await e2e.token({ sub: 'e2e-kcat-admin', roles: ['security-admin'] });
  await graphql(
    e2e.platform.gatewayUrl,
    token,
    'mutation($p: [String!]!) { registerIntegrator(input: { source: "/integrators/acme", providers: $p }) { source } }',
    {
      p: [PROVIDER],
    },
  );
});

afterAll(async () => {
  await e2e?.stop();
});

/** A documented block as it runs here; `edits` first, for what a reader would change (another topic, another source). */
function documented(name: string, env: Record<string, string> = {}, edits: ReadonlyArray<[string, string]> = []): Promise<string> {
  const snippet = snippets.get(name);
  if (!snippet) throw new Error(`docs/integrators.md has no block marked "checked: ${name}"`);
  const topics = Object.values(TOPICS).map((topic): [string, string] => [topic, `${e2e.topicPrefix}${topic}`]);
  return runSnippet(snippet, [...edits, ['localhost:9092', e2e.brokers[0] ?? '127.0.0.1:9092'], ...topics], env);
}

/** The `key value` lines a documented read prints, for one identity, as events. */
async function eventsFor<T>(name: string, nhiId: string, edits: ReadonlyArray<[string, string]> = []): Promise<T[]> {
  const lines = (await documented(name, {}, edits)).split('\n').filter((line) => line.startsWith(`${nhiId} `));
  return lines.map((line) => JSON.parse(line.slice(nhiId.length + 1)) as T);
}

async function ingestIdentity(name: string): Promise<string> {
  const externalId = `kv/${e2e.runId}/${name}`;
  await graphql(
    e2e.platform.gatewayUrl,
    token,
    'mutation($input: IngestIdentitiesInput!) { ingestIdentities(input: $input) { created } }',
    {
      input: { source: 'acme-vault-sync', identities: [{ kind: 'API_KEY', name, provider: PROVIDER, externalId }] },
    },
  );
  const { identityByExternalId } = await graphql<{ identityByExternalId: { id: string } }>(
    e2e.platform.gatewayUrl,
    token,
    'query($p: String!, $e: String!) { identityByExternalId(provider: $p, externalId: $e) { id } }',
    { p: PROVIDER, e: externalId },
  );
  await waitFor(async () => (await lifecycleOf(identityByExternalId.id)) !== null, {
    timeoutMs: 60_000,
    what: 'lifecycle to learn the identity',
  });
  return identityByExternalId.id;
}

async function lifecycleOf(id: string): Promise<Lifecycle | null> {
  const { identity } = await graphql<{ identity: { lifecycle: Lifecycle | null } }>(
    e2e.platform.gatewayUrl,
    token,
    'query($id: ID!) { identity(id: $id) { lifecycle { state lastRotatedAt rotations(first: 1) { id status } revocation { id status } } } }',
    { id },
  );
  return identity.lifecycle;
}

async function feedbackFor(nhiId: string, what: string, match: (feedback: Feedback) => boolean): Promise<Feedback> {
  return waitFor(async () => (await eventsFor<Feedback>('read-feedback', nhiId)).find(match), { timeoutMs: 30_000, what });
}

describe('an integrator with only kcat and hand-written JSON, through the whole platform', () => {
  it('completes a rotation with a structured event, after refusing the same answer from a source not registered for the provider', async () => {
    const nhiId = await ingestIdentity('kcat-rotation');
    const { requestRotation } = await graphql<{ requestRotation: { id: string } }>(
      e2e.platform.gatewayUrl,
      token,
      'mutation($id: ID!) { requestRotation(identityId: $id, reason: "kcat drill") { id } }',
      { id: nhiId },
    );
    const [request] = await waitFor(
      async () => {
        const events = await eventsFor<{ type: string; data: { requestId: string } }>('read-requests', nhiId);
        return events.length > 0 && events;
      },
      { what: 'kcat to read the rotation request' },
    );
    expect(request).toMatchObject({ type: 'nhi.rotation.requested', data: { requestId: requestRotation.id } });
    const ids = { REQUEST_ID: requestRotation.id, NHI_ID: nhiId };

    await documented('structured-result', ids, [['/integrators/acme', '/integrators/stranger']]);
    const refusal = await feedbackFor(
      nhiId,
      "the feedback on the stranger's result",
      (f) => f.data.originalSource === '/integrators/stranger',
    );
    expect(refusal).toMatchObject({
      type: 'nhi.integration.rejected',
      data: { topic: TOPICS.rotationResults, originalId: `acme-${requestRotation.id}` },
    });
    expect(refusal.data.reason).toMatch(/not registered for provider acme-vault/);
    expect(await lifecycleOf(nhiId)).toMatchObject({ state: 'ROTATING', lastRotatedAt: null, rotations: [{ status: 'REQUESTED' }] });

    // The registered source's event has the same id: uniqueness is per (source, id), so it is not taken for a repeat.
    await documented('structured-result', ids);
    const done = await waitFor(
      async () => {
        const lifecycle = await lifecycleOf(nhiId);
        return lifecycle?.state === 'ACTIVE' && lifecycle;
      },
      { what: 'the structured result to complete the rotation' },
    );
    expect(done.rotations).toEqual([{ id: requestRotation.id, status: 'COMPLETED' }]);
    expect(done.lastRotatedAt).not.toBeNull();
  });

  it('completes a revocation with a binary-mode event, after a malformed result changed nothing', async () => {
    const nhiId = await ingestIdentity('kcat-revocation');
    const { requestRevocation } = await graphql<{ requestRevocation: { id: string } }>(
      e2e.platform.gatewayUrl,
      token,
      'mutation($id: ID!) { requestRevocation(identityId: $id, reason: "kcat drill") { id } }',
      { id: nhiId },
    );
    const toRevocations: Array<[string, string]> = [[TOPICS.rotationRequests, TOPICS.revocationRequests]];
    const [request] = await waitFor(
      async () => {
        const events = await eventsFor<{ type: string; data: { requestId: string } }>('read-requests', nhiId, toRevocations);
        return events.length > 0 && events;
      },
      { what: 'kcat to read the revocation request' },
    );
    expect(request).toMatchObject({ type: 'nhi.revocation.requested', data: { requestId: requestRevocation.id } });

    await runSnippet(
      `printf 'not json\\n' | kcat -b localhost:9092 -P -t ${TOPICS.revocationResults} -k "$NHI_ID"`,
      [
        ['localhost:9092', e2e.brokers[0] ?? '127.0.0.1:9092'],
        [TOPICS.revocationResults, `${e2e.topicPrefix}${TOPICS.revocationResults}`],
      ],
      { NHI_ID: nhiId },
    );
    const refusal = await feedbackFor(nhiId, 'the feedback on the malformed result', (f) => f.data.topic === TOPICS.revocationResults);
    expect(refusal).toMatchObject({
      type: 'nhi.integration.rejected',
      data: { reason: 'message value is not valid JSON', originalSource: null },
    });
    expect(await lifecycleOf(nhiId)).toMatchObject({ state: 'REVOKING', revocation: { id: requestRevocation.id, status: 'REQUESTED' } });

    await documented('binary-result', { REQUEST_ID: requestRevocation.id, NHI_ID: nhiId });
    const done = await waitFor(
      async () => {
        const lifecycle = await lifecycleOf(nhiId);
        return lifecycle?.state === 'REVOKED' && lifecycle;
      },
      { what: 'the binary-mode result to complete the revocation' },
    );
    expect(done.revocation).toEqual({ id: requestRevocation.id, status: 'COMPLETED' });
  });
});
