import path from 'node:path';
import { TOPICS } from '@nhi/contracts';
import { subgraphSpec, testKafkaBrokers, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';
import { checkedSnippets, REPOSITORY_ROOT, runSnippet } from '../support/doc-snippets';
import { registerIntegrator } from '../support/integrators';

const spec = subgraphSpec('lifecycle_kcat', bootstrap, { tap: [TOPICS.revocationRequests] });
const snippets = checkedSnippets(path.join(REPOSITORY_ROOT, 'docs/integrators.md'));
const PROVIDER = 'acme-vault';

/** The documented commands as they run here: this run's broker and topic prefix instead of production's. */
function documented(name: string, env: Record<string, string> = {}): Promise<string> {
  const snippet = snippets.get(name);
  if (!snippet) throw new Error(`docs/integrators.md has no block marked "checked: ${name}"`);
  const topics = Object.values(TOPICS).map((topic): [string, string] => [topic, spec.subgraph.topic(topic)]);
  return runSnippet(snippet, [['localhost:9092', testKafkaBrokers()[0] ?? '127.0.0.1:9092'], ...topics], env);
}

async function stateOf(identityId: string): Promise<string | undefined> {
  const [row] = await spec.subgraph.sql<{ state: string }>('SELECT state FROM identity_lifecycle WHERE identity_id = $1', [identityId]);
  return row?.state;
}

beforeAll(async () => {
  await registerIntegrator(spec.subgraph, '/integrators/acme', [PROVIDER]);
});

describe('docs/integrators.md, run as written with kcat and hand-written JSON', () => {
  it('reads a rotation request and completes it with a structured event', async () => {
    const nhiId = await spec.subgraph.discover('identity_lifecycle', { provider: PROVIDER, kind: 'API_KEY' });
    await spec.subgraph.query('mutation($id: ID!) { requestRotation(identityId: $id, reason: "kcat drill") { id } }', { id: nhiId });

    const line = await waitFor(async () => (await documented('read-requests')).split('\n').find((l) => l.startsWith(`${nhiId} `)), {
      what: 'kcat to read the rotation request',
    });
    const request = JSON.parse(line.slice(nhiId.length + 1)) as { type: string; data: { requestId: string } };
    expect(request.type).toBe('nhi.rotation.requested');

    await documented('structured-result', { REQUEST_ID: request.data.requestId, NHI_ID: nhiId });
    await waitFor(async () => (await stateOf(nhiId)) === 'ACTIVE', { what: 'the structured result to complete the rotation' });
  });

  it('completes a revocation with a binary-mode event, and shows a malformed result on the feedback topic', async () => {
    const nhiId = await spec.subgraph.discover('identity_lifecycle', { provider: PROVIDER, kind: 'API_KEY' });
    await spec.subgraph.query('mutation($id: ID!) { requestRevocation(identityId: $id, reason: "kcat drill") { id } }', { id: nhiId });
    const message = await waitFor(() =>
      spec.tap.messages.find((m) => m.topic === spec.subgraph.topic(TOPICS.revocationRequests) && m.key === nhiId),
    );
    const { requestId } = (JSON.parse(message.value ?? '{}') as { data: { requestId: string } }).data;

    await documented('binary-result', { REQUEST_ID: requestId, NHI_ID: nhiId });
    await waitFor(async () => (await stateOf(nhiId)) === 'REVOKED', { what: 'the binary-mode result to complete the revocation' });

    await runSnippet(
      `printf 'not json\\n' | kcat -b ${testKafkaBrokers()[0]} -P -t ${spec.subgraph.topic(TOPICS.revocationResults)} -k ${nhiId}`,
      [],
      {},
    );
    const feedback = await waitFor(async () => (await documented('read-feedback')).split('\n').find((l) => l.startsWith(`${nhiId} `)), {
      what: 'the feedback on the malformed result',
    });
    expect(JSON.parse(feedback.slice(nhiId.length + 1))).toMatchObject({
      type: 'nhi.integration.rejected',
      data: { topic: TOPICS.revocationResults, reason: 'message value is not valid JSON' },
    });
    expect(await stateOf(nhiId)).toBe('REVOKED');
  });
});
