import { dlqTopic, TOPICS } from '@nhi/contracts';
import { randomUUID } from 'node:crypto';
import type { Actor } from '@nhi/auth';
import { createEvent, timeOrderedUuid, type NhiEvent } from '@nhi/contracts';
import { ownershipAssignedData, subgraphSpec, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';
import { registerIntegrator, TEST_INTEGRATOR_SOURCE } from '../support/integrators';

const spec = subgraphSpec('lifecycle_rotation', bootstrap, {
  env: { LIFECYCLE_TICK_MS: '100', ROTATION_RETRY_BASE_MS: '200' },
  tap: [TOPICS.rotationRequests, TOPICS.lifecycleEvents, dlqTopic(TOPICS.rotationResults), TOPICS.integrationFeedback],
});

interface Lifecycle {
  state: string;
  lastRotatedAt: string | null;
  nextRotationDueAt: string | null;
  rotations: Array<{ id: string; status: string; attempt: number; error: string | null; nextAttemptAt: string | null }>;
}

function discovered(): Promise<string> {
  return spec.subgraph.discover('identity_lifecycle', { provider: 'demo', kind: 'API_KEY' });
}

async function lifecycleOf(id: string): Promise<Lifecycle> {
  const result = await spec.subgraph.query<{ _entities: Array<{ lifecycle: Lifecycle }> }>(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on NonHumanIdentity {
       lifecycle { state lastRotatedAt nextRotationDueAt rotations(first: 10) { id status attempt error nextAttemptAt } } } } }`,
    { r: [{ __typename: 'NonHumanIdentity', id }] },
  );
  const found = result.data?._entities[0]?.lifecycle;
  if (!found) throw new Error(`no lifecycle for ${id}: ${JSON.stringify(result.errors)}`);
  return found;
}

async function requestRotation(identityId: string, reason = 'leaked in a ticket', actor?: Actor) {
  return spec.subgraph.query<{ requestRotation: { id: string; status: string; attempt: number; deadline: string } }>(
    'mutation($id: ID!, $reason: String!) { requestRotation(identityId: $id, reason: $reason) { id status attempt deadline } }',
    { id: identityId, reason },
    actor,
  );
}

/** Ownership says who owns the identity: the owner's reference and its teams', as nhi.ownership.assigned carries them. */
async function ownedBy(identityId: string, ownerPath: string[]): Promise<void> {
  const data = ownershipAssignedData(identityId, randomUUID(), { ownerRef: ownerPath[0] ?? 'nobody', ownerPath });
  const event = await spec.subgraph.publish('nhi.ownership.assigned', data, 'ownership');
  await waitFor(async () => (await spec.subgraph.sql('SELECT 1 FROM inbox_events WHERE event_id = $1', [event.id])).length > 0);
}

/** The rotation requests an integrator saw for an identity, oldest first. */
const requestsFor = (identityId: string) =>
  spec.tap.messages
    .filter((m) => m.topic === spec.subgraph.topic(TOPICS.rotationRequests) && m.key === identityId)
    .map((m) => (JSON.parse(m.value ?? '{}') as { data: { requestId: string; nhiId: string; provider: string; deadline: string } }).data);

const lifecycleEvents = (identityId: string) =>
  spec.tap.messages
    .filter((m) => m.topic === spec.subgraph.topic(TOPICS.lifecycleEvents) && m.key === identityId)
    .map((m) => JSON.parse(m.value ?? '{}') as { type: string; data: Record<string, unknown> });

async function answer(
  type: 'nhi.rotation.completed' | 'nhi.rotation.failed',
  requestId: string,
  nhiId: string,
  extra: Record<string, unknown> = {},
) {
  const data =
    type === 'nhi.rotation.completed'
      ? { requestId, nhiId, rotatedAt: new Date().toISOString(), ...extra }
      : { requestId, nhiId, error: 'vault sealed', ...extra };
  return spec.subgraph.publish(type, data as never, 'integrator');
}

const applied = (eventId: string) =>
  waitFor(async () => (await spec.subgraph.sql('SELECT 1 FROM inbox_events WHERE event_id = $1', [eventId])).length > 0, {
    what: 'the result to be consumed',
  });

beforeAll(async () => {
  await registerIntegrator(spec.subgraph, TEST_INTEGRATOR_SOURCE);
  await registerIntegrator(spec.subgraph, '/integrators/acme');
  await registerIntegrator(spec.subgraph, 'https://acme.example/rotator');
});

/** An integrator's result as it would publish it, to send several in one run. */
const result = (
  type: 'nhi.rotation.completed' | 'nhi.rotation.failed',
  requestId: string,
  nhiId: string,
  extra: Record<string, unknown> = {},
) =>
  createEvent({
    source: 'integrator',
    type,
    subject: nhiId,
    data: (type === 'nhi.rotation.completed'
      ? { requestId, nhiId, rotatedAt: new Date().toISOString(), ...extra }
      : { requestId, nhiId, error: 'vault sealed', ...extra }) as never,
  });

/** How many of the events have their inbox row, and in how many transactions those were written. */
async function appliedIn(events: readonly NhiEvent[]): Promise<{ applied: number; transactions: number }> {
  const [row] = await spec.subgraph.sql<{ applied: string; transactions: string }>(
    'SELECT count(*) AS applied, count(DISTINCT xmin::text) AS transactions FROM inbox_events WHERE event_id = ANY($1::text[])',
    [events.map((event) => event.id)],
  );
  return { applied: Number(row?.applied), transactions: Number(row?.transactions) };
}

/** Two identities with a rotation each in progress, announced to the integrator. */
async function twoRotating(): Promise<Array<{ identityId: string; requestId: string }>> {
  const rotating = [];
  for (const identityId of [await discovered(), await discovered()]) {
    const requestId = (await requestRotation(identityId)).data?.requestRotation.id ?? '';
    await waitFor(() => requestsFor(identityId).length === 1);
    rotating.push({ identityId, requestId });
  }
  return rotating;
}

describe('the rotation handshake with an integrator', () => {
  it('publishes a request, applies the completed result, and ignores the same result delivered again', async () => {
    const identityId = await discovered();

    const requested = await requestRotation(identityId);
    const request = requested.data?.requestRotation;
    expect(request).toMatchObject({ status: 'REQUESTED', attempt: 1 });
    const [onTopic] = await waitFor(() => requestsFor(identityId).length === 1 && requestsFor(identityId));
    expect(onTopic).toMatchObject({ requestId: request?.id, nhiId: identityId, provider: 'demo', deadline: request?.deadline });
    expect((await lifecycleOf(identityId)).state).toBe('ROTATING');

    const rotatedAt = new Date(Date.now() - 1000).toISOString();
    await applied(
      (
        await answer('nhi.rotation.completed', request?.id ?? '', identityId, {
          rotatedAt,
          newCredentialFingerprint: 'sha256:0123456789abcdef0123456789abcdef',
        })
      ).id,
    );
    const duplicate = await answer('nhi.rotation.completed', request?.id ?? '', identityId, { rotatedAt: new Date().toISOString() });
    await applied(duplicate.id);

    const after = await lifecycleOf(identityId);
    expect(after).toMatchObject({ state: 'ACTIVE', lastRotatedAt: rotatedAt, rotations: [{ id: request?.id, status: 'COMPLETED' }] });
    expect(Date.parse(after.nextRotationDueAt ?? '')).toBe(Date.parse(rotatedAt) + 90 * 86_400_000);
    await waitFor(() => lifecycleEvents(identityId).some((e) => e.type === 'nhi.credential.rotated'));
    expect(lifecycleEvents(identityId).filter((e) => e.type === 'nhi.credential.rotated')).toEqual([
      expect.objectContaining({
        data: expect.objectContaining({ requestId: request?.id, newCredentialFingerprint: 'sha256:0123456789abcdef0123456789abcdef' }),
      }),
    ]);
    const [row] = await spec.subgraph.sql<{ credential_fingerprint: string }>(
      'SELECT credential_fingerprint FROM identity_lifecycle WHERE identity_id = $1',
      [identityId],
    );
    expect(row?.credential_fingerprint).toBe('sha256:0123456789abcdef0123456789abcdef');
  });

  it('applies a result that names its request and identity in upper case: a UUID means the same in either case', async () => {
    const identityId = await discovered();
    const request = (await requestRotation(identityId)).data?.requestRotation;
    await waitFor(() => requestsFor(identityId).length === 1);
    const rotatedAt = new Date(Date.now() - 1000).toISOString();
    await applied((await answer('nhi.rotation.completed', (request?.id ?? '').toUpperCase(), identityId.toUpperCase(), { rotatedAt })).id);
    expect(await lifecycleOf(identityId)).toMatchObject({
      state: 'ACTIVE',
      lastRotatedAt: rotatedAt,
      rotations: [{ status: 'COMPLETED' }],
    });
  });

  it('applies results an integrator wrote by hand, as CloudEvents allows: structured with its own id and source, or binary', async () => {
    const completedId = await discovered();
    const failedId = await discovered();
    await requestRotation(completedId);
    await requestRotation(failedId);
    const [completedRequest] = await waitFor(() => requestsFor(completedId).length === 1 && requestsFor(completedId));
    const [failedRequest] = await waitFor(() => requestsFor(failedId).length === 1 && requestsFor(failedId));

    // The event from the issue that asked for this, byte for byte what a kcat user sends: no dataschema, no UUID id.
    const structured = {
      specversion: '1.0',
      id: `bars-${completedRequest?.requestId}`,
      source: '/integrators/acme',
      type: 'nhi.rotation.completed',
      subject: completedId,
      time: new Date().toISOString(),
      datacontenttype: 'application/json',
      data: {
        requestId: completedRequest?.requestId,
        nhiId: completedId,
        rotatedAt: new Date().toISOString(),
        newCredentialFingerprint: 'sha256:AbCdEfGhIjKlMnOpQrSt',
      },
    };
    await spec.subgraph.produceRaw(TOPICS.rotationResults, { key: completedId, value: JSON.stringify(structured) });
    await spec.subgraph.produceRaw(TOPICS.rotationResults, {
      key: failedId,
      value: JSON.stringify({ requestId: failedRequest?.requestId, nhiId: failedId, error: 'vault sealed' }),
      headers: {
        ce_specversion: '1.0',
        ce_id: '17',
        ce_source: 'https://acme.example/rotator',
        ce_type: 'nhi.rotation.failed',
        'content-type': 'application/json',
      },
    });

    await waitFor(async () => (await lifecycleOf(completedId)).rotations[0]?.status === 'COMPLETED', {
      what: 'the structured result applied',
    });
    await waitFor(async () => (await lifecycleOf(failedId)).rotations.some((r) => r.status === 'FAILED' && r.error === 'vault sealed'), {
      what: 'the binary result applied',
    });
    expect(spec.tap.messages.filter((m) => m.topic === spec.subgraph.topic(dlqTopic(TOPICS.rotationResults)))).toEqual([]);
  });

  it('retries a failed rotation with a new request id and backoff, and marks ROTATION_FAILED after the last attempt', async () => {
    const identityId = await discovered();
    await requestRotation(identityId);

    for (let attempt = 1; attempt <= 3; attempt++) {
      const requests = await waitFor(() => requestsFor(identityId).length >= attempt && requestsFor(identityId), {
        what: `attempt ${attempt}`,
      });
      const current = requests[attempt - 1];
      await applied((await answer('nhi.rotation.failed', current?.requestId ?? '', identityId)).id);
    }

    const failed = await waitFor(async () => {
      const state = await lifecycleOf(identityId);
      return state.state === 'ROTATION_FAILED' && state;
    });
    expect(new Set(requestsFor(identityId).map((r) => r.requestId)).size).toBe(3);
    expect(failed.rotations.map((r) => [r.attempt, r.status, r.error])).toEqual([
      [3, 'FAILED', 'vault sealed'],
      [2, 'FAILED', 'vault sealed'],
      [1, 'FAILED', 'vault sealed'],
    ]);
    expect(failed.rotations[0]?.nextAttemptAt).toBeNull();
    expect(failed.rotations[1]?.nextAttemptAt).not.toBeNull();
    const finalEvent = await waitFor(() =>
      lifecycleEvents(identityId).find((e) => e.type === 'nhi.credential.rotation-failed' && e.data['final'] === true),
    );
    expect(finalEvent.data).toMatchObject({ attempt: 3, nextAttemptAt: null });
  });

  it('times out an attempt with no result by its deadline, retries it, and ignores the late result of the first', async () => {
    const identityId = await discovered();
    const first = (await requestRotation(identityId)).data?.requestRotation;
    // Time passes: the integrator never answered before the deadline.
    await spec.subgraph.sql(`UPDATE rotation_requests SET deadline = now() - interval '1 second' WHERE id = $1`, [first?.id]);

    const [, second] = await waitFor(() => requestsFor(identityId).length === 2 && requestsFor(identityId), {
      what: 'the retry after the time-out',
    });
    expect(second?.requestId).not.toBe(first?.id);
    const late = await answer('nhi.rotation.completed', first?.id ?? '', identityId);
    await applied(late.id);
    expect((await lifecycleOf(identityId)).state).toBe('ROTATING');

    await applied((await answer('nhi.rotation.completed', second?.requestId ?? '', identityId)).id);
    const state = await lifecycleOf(identityId);
    expect(state.state).toBe('ACTIVE');
    expect(state.rotations.map((r) => [r.attempt, r.status])).toEqual([
      [2, 'COMPLETED'],
      [1, 'TIMED_OUT'],
    ]);
    await waitFor(() => lifecycleEvents(identityId).some((e) => e.type === 'nhi.credential.rotation-timed-out'));
  });

  it('sends a malformed result, or one naming another identity, to the dead-letter topic with the reason', async () => {
    const identityId = await discovered();
    const request = (await requestRotation(identityId)).data?.requestRotation;
    await spec.subgraph.kafka.produce(spec.subgraph.topic(TOPICS.rotationResults), {
      key: identityId,
      value: JSON.stringify({ specversion: '1.0', type: 'nhi.rotation.completed', id: 'x' }),
      headers: { 'content-type': 'application/cloudevents+json' },
    });
    await answer('nhi.rotation.completed', request?.id ?? '', '01900000-0000-7000-8000-0000000000ff');

    const dead = await waitFor(() => {
      const messages = spec.tap.messages.filter((m) => m.topic === dlqTopic(spec.subgraph.topic(TOPICS.rotationResults)));
      return messages.length >= 2 && messages;
    });
    expect(dead.map((m) => m.headers['x-error-type'])).toEqual(['ContractViolationError', 'ContractViolationError']);
    expect(dead[1]?.headers['x-error']).toMatch(/names identity 01900000-0000-7000-8000-0000000000ff, but the request is for/);
    expect((await lifecycleOf(identityId)).state).toBe('ROTATING');

    // The integrator may not read our dead-letter topic: it hears of both on its feedback topic, each keyed like what it sent.
    const feedback = await waitFor(() => {
      const keys = [identityId, '01900000-0000-7000-8000-0000000000ff'];
      const messages = spec.tap.messages.filter(
        (m) => m.topic === spec.subgraph.topic(TOPICS.integrationFeedback) && keys.includes(m.key ?? ''),
      );
      return (
        messages.length >= 2 &&
        messages.map((m) => JSON.parse(m.value ?? '{}') as { type: string; source: string; data: Record<string, unknown> })
      );
    });
    expect(feedback[0]).toMatchObject({
      type: 'nhi.integration.rejected',
      source: '/nhi/lifecycle',
      data: {
        topic: TOPICS.rotationResults,
        offset: dead[0]?.headers['x-original-offset'],
        originalId: 'x',
        originalSource: null,
        originalType: 'nhi.rotation.completed',
        reason: 'invalid CloudEvents envelope',
        problems: [{ field: 'event', problem: "must have required property 'source'" }],
        consumer: 'lifecycle',
      },
    });
    expect(feedback[1]?.data).toMatchObject({
      originalSource: '/nhi/integrator',
      reason: expect.stringMatching(/names identity/),
      problems: [],
    });
  });

  it('applies a run of results in one transaction as one at a time would: a result, its repeat, an unknown request, a failure', async () => {
    const [a, b] = await twoRotating();
    const rotatedAt = new Date(Date.now() - 1000).toISOString();
    const run = [
      result('nhi.rotation.completed', a!.requestId, a!.identityId, { rotatedAt }),
      result('nhi.rotation.completed', a!.requestId, a!.identityId, { rotatedAt: new Date().toISOString() }),
      result('nhi.rotation.completed', timeOrderedUuid(), a!.identityId),
      result('nhi.rotation.failed', b!.requestId, b!.identityId),
    ];

    await spec.subgraph.publishRun(run, a!.identityId);

    expect(await waitFor(async () => (await appliedIn(run)).applied === 4 && appliedIn(run))).toEqual({ applied: 4, transactions: 1 });
    // The first result settles a's attempt; its repeat finds it COMPLETED and changes nothing.
    expect(await lifecycleOf(a!.identityId)).toMatchObject({
      state: 'ACTIVE',
      lastRotatedAt: rotatedAt,
      rotations: [{ id: a!.requestId, status: 'COMPLETED' }],
    });
    const bAfter = await lifecycleOf(b!.identityId);
    expect(bAfter.rotations.find((r) => r.id === b!.requestId)).toMatchObject({ status: 'FAILED', attempt: 1, error: 'vault sealed' });
  });

  it('dead-letters only the result of a run that breaks the contract, and applies the rest of it', async () => {
    const [a, b] = await twoRotating();
    const wrong = result('nhi.rotation.completed', a!.requestId, b!.identityId);
    const run = [
      result('nhi.rotation.completed', b!.requestId, b!.identityId),
      wrong,
      result('nhi.rotation.completed', a!.requestId, a!.identityId),
    ];

    await spec.subgraph.publishRun(run, a!.identityId);

    await waitFor(async () => (await appliedIn([run[0]!, run[2]!])).applied === 2, { what: 'the two good results to be applied' });
    const dead = await waitFor(() => {
      const found = spec.tap.messages.filter(
        (m) => m.topic === dlqTopic(spec.subgraph.topic(TOPICS.rotationResults)) && (m.value ?? '').includes(wrong.id),
      );
      return found.length > 0 && found;
    });
    expect(dead.map((m) => m.headers['x-error-type'])).toEqual(['ContractViolationError']);
    expect((await appliedIn([wrong])).applied).toBe(0);
    for (const { identityId, requestId } of [a!, b!]) {
      expect(await lifecycleOf(identityId)).toMatchObject({ state: 'ACTIVE', rotations: [{ id: requestId, status: 'COMPLETED' }] });
    }
  });

  it('refuses a second rotation while one is in progress, with a clear error', async () => {
    const identityId = await discovered();
    await requestRotation(identityId);
    const again = await requestRotation(identityId);
    expect(again.errors?.[0]?.message).toMatch(/a rotation of this identity is already in progress/);
  });

  it("lets an owner rotate what its team owns, and refuses another team's identity with nothing requested", async () => {
    const [ours, theirs] = [await discovered(), await discovered()];
    await ownedBy(ours, ['bob', 'team-payments', 'division-finance']);
    await ownedBy(theirs, ['carol', 'team-billing']);
    const alice: Actor = { sub: 'alice', roles: ['owner'], ownerRefs: ['alice', 'team-payments'] };

    expect((await requestRotation(ours, 'team key', alice)).data?.requestRotation).toMatchObject({ status: 'REQUESTED' });
    const refused = await requestRotation(theirs, 'not ours', alice);

    expect(refused.errors?.[0]).toMatchObject({
      message:
        'Forbidden: alice may request a rotation only for identities owned by alice, team-payments or their teams; one identity here is owned by someone else',
      extensions: { code: 'FORBIDDEN' },
    });
    expect(await spec.subgraph.sql('SELECT count(*)::int AS n FROM rotation_requests WHERE identity_id = $1', [theirs])).toEqual([
      { n: 0 },
    ]);
  });
});
