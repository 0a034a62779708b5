import { Kafka, logLevel, type Consumer } from 'kafkajs';
import { TOPICS } from '@nhi/contracts';
import { graphql, postGraphQL, RunningPlatform } from '@nhi/launcher';
import { waitFor } from '@nhi/testing';
import { E2ePlatform, startE2ePlatform } from './support/e2e-platform';

/**
 * Mass rotation and revocation (issue "Scale II") through the gateway, with
 * real PostgreSQL and Kafka: a selection by system with an identity held by an
 * approved exception, results that complete, fail and never come (a time-out),
 * and a revocation of every identity sharing a leaked credential's fingerprint.
 */
let e2e: E2ePlatform;
let platform: RunningPlatform;
let runId: string;
let admin: string;
let approver: string;
let integrator: Consumer | undefined;
let consumer: Consumer | undefined;
const lifecycleEvents: Array<{ type: string; subject: string; data: Record<string, unknown> }> = [];

const MASS_ACTION = `
  query ($id: ID!) {
    massAction(id: $id) {
      id action selected skipped notFound finishedAt heldIdentities
      progress { requested published answered completed failed timedOut inProgress held }
      outcomes(first: 50) { edges { node { identityId status attempt error } } pageInfo { hasNextPage } }
    }
  }`;

interface MassAction {
  id: string;
  action: string;
  selected: number;
  skipped: number;
  notFound: number;
  finishedAt: string | null;
  heldIdentities: string[];
  progress: Record<string, number>;
  outcomes: { edges: Array<{ node: { identityId: string; status: string; attempt: number; error: string | null } }> };
}

const gql = <T>(query: string, variables?: Record<string, unknown>, token = admin) =>
  graphql<T>(platform.gatewayUrl, token, query, variables);

async function ingest(identities: string): Promise<void> {
  await gql(`mutation { ingestIdentities(input: { source: "e2e-mass", identities: [${identities}] }) { created } }`);
}

async function idOf(provider: string, externalId: string): Promise<string> {
  const found = await gql<{ identityByExternalId: { id: string } }>(
    'query ($p: String!, $e: String!) { identityByExternalId(provider: $p, externalId: $e) { id } }',
    { p: provider, e: externalId },
  );
  return found.identityByExternalId.id;
}

/** Waits until lifecycle has learnt these identities from inventory's events. */
async function lifecycleKnows(ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    await waitFor(
      async () =>
        Boolean(
          (await gql<{ identity: { lifecycle: unknown } }>('query ($id: ID!) { identity(id: $id) { lifecycle { state } } }', { id }))
            .identity.lifecycle,
        ),
      { what: 'lifecycle to know the identity' },
    );
  }
}

/**
 * An integrator with nothing of ours, as docs/integrators.md describes one: it
 * reads the rotation requests for its provider and answers in structured
 * CloudEvents, failing the identities whose external id starts with "fail".
 */
async function startOutsideIntegrator(provider: string): Promise<Consumer> {
  const kafka = new Kafka({ clientId: 'e2e-mass-integrator', brokers: e2e.brokers, logLevel: logLevel.NOTHING });
  const producer = kafka.producer();
  await producer.connect();
  const requests = kafka.consumer({ groupId: `e2e-mass-integrator-${runId}` });
  await requests.connect();
  await requests.subscribe({ topic: `${e2e.topicPrefix}${TOPICS.rotationRequests}`, fromBeginning: true });
  await requests.run({
    eachMessage: async ({ message }) => {
      const request = JSON.parse(message.value?.toString() ?? '{}') as {
        data?: { requestId: string; nhiId: string; provider: string; externalId: string };
      };
      if (request.data?.provider !== provider) return;
      const { requestId, nhiId, externalId } = request.data;
      const now = new Date().toISOString();
      const failed = externalId.startsWith('fail');
      const result = {
        specversion: '1.0',
        id: `mass-${requestId}`,
        source: '/e2e/mass-integrator',
        type: failed ? 'nhi.rotation.failed' : 'nhi.rotation.completed',
        time: now,
        data: failed ? { requestId, nhiId, error: 'the e2e secret manager refused' } : { requestId, nhiId, rotatedAt: now },
      };
      await producer.send({
        topic: `${e2e.topicPrefix}${TOPICS.rotationResults}`,
        messages: [{ key: nhiId, value: JSON.stringify(result), headers: { 'content-type': 'application/cloudevents+json' } }],
      });
    },
  });
  const disconnect = requests.disconnect.bind(requests);
  return Object.assign(requests, {
    disconnect: async () => {
      await disconnect();
      await producer.disconnect();
    },
  });
}

beforeAll(async () => {
  e2e = await startE2ePlatform(5400);
  ({ platform, runId } = e2e);
  admin = await e2e.token({ sub: 'e2e-mass-admin', roles: ['security-admin'] });
  approver = await e2e.token({ sub: 'e2e-mass-approver', roles: ['security-admin'] });
  const kafka = new Kafka({ clientId: 'e2e-mass', brokers: e2e.brokers, logLevel: logLevel.NOTHING });
  consumer = kafka.consumer({ groupId: `e2e-mass-${runId}` });
  await consumer.connect();
  await consumer.subscribe({ topic: `${e2e.topicPrefix}${TOPICS.lifecycleEvents}`, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      const event = JSON.parse(message.value?.toString() ?? '{}') as { type: string; subject: string; data: Record<string, unknown> };
      if (event.type?.startsWith('nhi.mass-action.')) lifecycleEvents.push(event);
    },
  });
});

afterAll(async () => {
  await integrator?.disconnect();
  await consumer?.disconnect();
  await e2e?.stop();
});

describe('mass actions through the gateway', () => {
  it('rotates a selection in one mutation: one held, four completed, two failed, one timed out, then finished', async () => {
    const provider = `e2e-mass-${runId}`;
    // Nobody answers this provider's requests: its identity times out.
    const silent = `${provider}-silent`;
    const system = `mass-${runId}`;
    const row = (p: string, name: string) =>
      `{ provider: "${p}", externalId: "${name}", kind: "secret", name: "${name}", system: "${system}" }`;
    const names = ['ok-1', 'ok-2', 'ok-3', 'ok-4', 'fail-1', 'fail-2', 'held-1'];
    await ingest([...names.map((name) => row(provider, name)), row(silent, 'silent-1')].join(', '));
    const ids = Object.fromEntries(
      await Promise.all([...names.map(async (name) => [name, await idOf(provider, name)]), ['silent-1', await idOf(silent, 'silent-1')]]),
    );
    await lifecycleKnows(Object.values(ids));

    // One attempt each, a deadline of a minute: a failure is final, and the silent one times out within the test.
    await gql(
      `mutation { upsertRotationPolicy(input: { name: "e2e mass ${runId}", provider: ["${provider}", "${silent}"], maxAgeDays: 90,
         deadlineMinutes: 1, maxAttempts: 1 }) { id } }`,
    );
    await gql('mutation ($i: RegisterIntegratorInput!) { registerIntegrator(input: $i) { source } }', {
      i: { source: '/e2e/mass-integrator', providers: [provider] },
    });
    integrator = await startOutsideIntegrator(provider);

    // held-1 is under an approved ROTATION exception.
    const { requestException } = await waitFor(
      async () => {
        const { body } = await postGraphQL(
          platform.gatewayUrl,
          admin,
          `mutation ($id: ID!, $at: DateTime!) { requestException(input: { identityId: $id, control: ROTATION,
             justification: "the consumer cannot reload the secret this week", expiresAt: $at }) { id } }`,
          { id: ids['held-1'], at: new Date(Date.now() + 3 * 86_400_000).toISOString() },
        );
        return !body.errors && (body.data as { requestException: { id: string } });
      },
      { what: 'exceptions to know the identity' },
    );
    await gql('mutation ($id: ID!) { approveException(id: $id, note: "e2e") { id } }', { id: requestException.id }, approver);
    await waitFor(
      async () =>
        (
          await gql<{ identity: { lifecycle: { suspensions: unknown[] } } }>(
            'query ($id: ID!) { identity(id: $id) { lifecycle { suspensions { exceptionId } } } }',
            { id: ids['held-1'] },
          )
        ).identity.lifecycle.suspensions.length === 1,
      { what: 'lifecycle to learn of the approval' },
    );

    const refused = await postGraphQL(
      platform.gatewayUrl,
      admin,
      'mutation { requestRotations(selection: {}, reason: "everything") { id } }',
    );
    expect(refused.body.errors?.[0]?.message).toMatch(/never selects everything/);

    const { requestRotations: started } = await gql<{ requestRotations: MassAction }>(
      `mutation ($s: String!) { requestRotations(selection: { system: $s }, reason: "vendor breach") {
         id action selected skipped notFound heldIdentities progress { requested held } } }`,
      { s: system },
    );
    expect(started).toMatchObject({
      action: 'ROTATION',
      selected: 8,
      skipped: 0,
      notFound: 0,
      heldIdentities: [ids['held-1']],
      progress: { requested: 7, held: 1 },
    });

    const finished = await waitFor(
      async () => {
        const { massAction } = await gql<{ massAction: MassAction }>(MASS_ACTION, { id: started.id });
        return massAction.finishedAt !== null && massAction;
      },
      { timeoutMs: 120_000, what: 'the mass rotation to finish (the silent identity times out after a minute)' },
    );
    expect(finished.progress).toEqual({
      requested: 7,
      published: 7,
      answered: 6,
      completed: 4,
      failed: 2,
      timedOut: 1,
      inProgress: 0,
      held: 1,
    });
    const statusOf = Object.fromEntries(finished.outcomes.edges.map(({ node }) => [node.identityId, node.status]));
    expect(statusOf).toEqual({
      [ids['ok-1']]: 'COMPLETED',
      [ids['ok-2']]: 'COMPLETED',
      [ids['ok-3']]: 'COMPLETED',
      [ids['ok-4']]: 'COMPLETED',
      [ids['fail-1']]: 'FAILED',
      [ids['fail-2']]: 'FAILED',
      [ids['silent-1']]: 'TIMED_OUT',
    });
    const { identity: rotated } = await gql<{ identity: { lifecycle: { lastRotatedAt: string | null } } }>(
      'query ($id: ID!) { identity(id: $id) { lifecycle { lastRotatedAt } } }',
      { id: ids['ok-1'] },
    );
    expect(rotated.lifecycle.lastRotatedAt).not.toBeNull();

    const events = await waitFor(
      async () => {
        const mine = lifecycleEvents.filter((event) => event.subject === started.id);
        return mine.length === 2 && mine;
      },
      { what: 'the started and finished events on the lifecycle topic' },
    );
    expect(events.map((event) => event.type).sort()).toEqual(['nhi.mass-action.finished', 'nhi.mass-action.started']);
    expect(events.find((event) => event.type.endsWith('started'))?.data).toMatchObject({
      action: 'ROTATION',
      selection: { system },
      reason: 'vendor breach',
      requestedBy: 'e2e-mass-admin',
      selected: 8,
      requested: 7,
      held: 1,
    });
    expect(events.find((event) => event.type.endsWith('finished'))?.data).toMatchObject({
      requested: 7,
      completed: 4,
      failed: 2,
      timedOut: 1,
      held: 1,
    });
  });

  it('revokes every identity that shares a leaked credential, and only those', async () => {
    const fingerprint = `sha256:${runId.padEnd(16, '0')}leakedAAAAAAAAAA`;
    const other = `sha256:${runId.padEnd(16, '0')}otherBBBBBBBBBBB`;
    const row = (name: string, print: string) =>
      `{ provider: "demo", externalId: "leak/${runId}/${name}", kind: "secret", name: "${name}", credentialFingerprint: "${print}" }`;
    await ingest([row('a', fingerprint), row('b', fingerprint), row('c', fingerprint), row('d', other)].join(', '));
    const ids = await Promise.all(['a', 'b', 'c', 'd'].map((name) => idOf('demo', `leak/${runId}/${name}`)));
    await lifecycleKnows(ids);

    const { requestRevocations: started } = await gql<{ requestRevocations: MassAction }>(
      'mutation ($f: String!) { requestRevocations(selection: { credentialFingerprint: $f }, reason: "leaked on a paste site") { id selected progress { requested } } }',
      { f: fingerprint },
    );
    expect(started).toMatchObject({ selected: 3, progress: { requested: 3 } });
    const finished = await waitFor(
      async () => {
        const { massAction } = await gql<{ massAction: MassAction }>(MASS_ACTION, { id: started.id });
        return massAction.finishedAt !== null && massAction;
      },
      { timeoutMs: 60_000, what: 'the mass revocation to finish' },
    );
    expect(finished).toMatchObject({ action: 'REVOCATION', progress: { requested: 3, completed: 3, inProgress: 0 } });
    const states = await Promise.all(
      ids.map(
        async (id) =>
          (
            await gql<{ identity: { lifecycle: { state: string } } }>('query ($id: ID!) { identity(id: $id) { lifecycle { state } } }', {
              id,
            })
          ).identity.lifecycle.state,
      ),
    );
    expect(states.slice(0, 3)).toEqual(['REVOKED', 'REVOKED', 'REVOKED']);
    expect(states[3]).not.toMatch(/REVOK/);
  });
});
