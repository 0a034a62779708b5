import { randomUUID } from 'node:crypto';
import { ExceptionControlName, TOPICS } from '@nhi/contracts';
import { subgraphSpec, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';

const spec = subgraphSpec('lifecycle_suspensions', bootstrap, {
  env: { LIFECYCLE_TICK_MS: '200' },
  tap: [TOPICS.rotationRequests, TOPICS.revocationRequests],
});
const DAY_MS = 86_400_000;

beforeAll(async () => {
  const policy = await spec.subgraph.query(
    'mutation { upsertRotationPolicy(input: { name: "auto tokens", kind: ["ACCESS_TOKEN"], maxAgeDays: 30, autoRotate: true }) { id } }',
  );
  if (policy.errors) throw new Error(JSON.stringify(policy.errors));
});

const requestsOn = (topic: string, identityId: string) =>
  spec.tap.eventsAbout<{ requestId: string; reason: string; requestedAt: string }>(spec.subgraph.topic(topic), identityId);

/** What exceptions publishes, as it publishes it. */
async function exceptionEvent(
  type: 'nhi.exception.approved' | 'nhi.exception.expired' | 'nhi.exception.revoked',
  exception: { exceptionId: string; identityId: string; control: ExceptionControlName; expiresAt: Date },
): Promise<void> {
  const common = { ...exception, expiresAt: exception.expiresAt.toISOString(), groupId: null, at: new Date().toISOString() };
  const event =
    type === 'nhi.exception.approved'
      ? await spec.subgraph.publish(type, { ...common, actor: 'sam', note: null }, 'exceptions')
      : type === 'nhi.exception.expired'
        ? await spec.subgraph.publish(type, { ...common, actor: 'exceptions', previousStatus: 'APPROVED' }, 'exceptions')
        : await spec.subgraph.publish(type, { ...common, actor: 'rita', reason: 'no longer needed' }, 'exceptions');
  await waitFor(async () => (await spec.subgraph.sql('SELECT 1 FROM inbox_events WHERE event_id = $1', [event.id])).length > 0, {
    what: `lifecycle to consume ${type}`,
  });
}

async function lifecycleOf(identityId: string) {
  const result = await spec.subgraph.query<{
    _entities: Array<{ lifecycle: { state: string; rotationHeldSince: string | null; suspensions: Array<{ exceptionId: string }> } }>;
  }>(
    'query($r: [_Any!]!) { _entities(representations: $r) { ... on NonHumanIdentity { lifecycle { state rotationHeldSince suspensions { exceptionId control } } } } }',
    { r: [{ __typename: 'NonHumanIdentity', id: identityId }] },
  );
  return result.data!._entities[0].lifecycle;
}

describe('approved exceptions suspend enforcement until they end', () => {
  it('holds back the automatic rotation of a due credential, and requests it once the exception reaches expiresAt', async () => {
    const identityId = randomUUID();
    const exceptionId = randomUUID();
    const expiresAt = new Date(Date.now() + 5_000);
    // Approved before lifecycle even knows the identity: events of different services arrive in any order.
    await exceptionEvent('nhi.exception.approved', { exceptionId, identityId, control: 'ROTATION', expiresAt });
    await spec.subgraph.discover('identity_lifecycle', {
      id: identityId,
      kind: 'ACCESS_TOKEN',
      createdAt: new Date(Date.now() - 40 * DAY_MS).toISOString(),
    });

    const held = await waitFor(
      async () => {
        const view = await lifecycleOf(identityId);
        return view.rotationHeldSince !== null && view;
      },
      { what: 'the due rotation to be held back' },
    );
    expect(held).toMatchObject({ state: 'ROTATION_DUE', suspensions: [{ exceptionId, control: 'ROTATION' }] });
    expect(requestsOn(TOPICS.rotationRequests, identityId)).toEqual([]);

    // No expired event: lifecycle's own clock honours expiresAt.
    const [request] = await waitFor(
      () => requestsOn(TOPICS.rotationRequests, identityId).length > 0 && requestsOn(TOPICS.rotationRequests, identityId),
      {
        what: 'the rotation once the exception has expired',
        timeoutMs: 20_000,
      },
    );
    expect(new Date(request.data.requestedAt).getTime()).toBeGreaterThanOrEqual(expiresAt.getTime());
    expect(request.data.reason).toMatch(/held by an exception that ended$/);
    expect(await lifecycleOf(identityId)).toMatchObject({ state: 'ROTATING', rotationHeldSince: null, suspensions: [] });
  });

  it('resumes at once when the exception is revoked, but not while another exception still holds the control', async () => {
    const identityId = await spec.subgraph.discover('identity_lifecycle', {
      kind: 'ACCESS_TOKEN',
      createdAt: new Date(Date.now() - 10 * DAY_MS).toISOString(),
    });
    const first = { exceptionId: randomUUID(), identityId, control: 'ROTATION' as const, expiresAt: new Date(Date.now() + 30 * DAY_MS) };
    const renewal = { ...first, exceptionId: randomUUID(), expiresAt: new Date(Date.now() + 60 * DAY_MS) };
    await exceptionEvent('nhi.exception.approved', first);
    await exceptionEvent('nhi.exception.approved', renewal);
    // Falls due while suspended.
    await spec.subgraph.sql("UPDATE identity_lifecycle SET next_rotation_due_at = now() - interval '1 hour' WHERE identity_id = $1", [
      identityId,
    ]);
    await waitFor(async () => (await lifecycleOf(identityId)).rotationHeldSince !== null, { what: 'the rotation to be held back' });

    await exceptionEvent('nhi.exception.revoked', first);
    expect((await lifecycleOf(identityId)).rotationHeldSince).not.toBeNull();
    expect(requestsOn(TOPICS.rotationRequests, identityId)).toEqual([]);

    await exceptionEvent('nhi.exception.revoked', renewal);
    await waitFor(() => requestsOn(TOPICS.rotationRequests, identityId).length === 1, {
      what: 'the rotation after the last exception ended',
    });
  });

  it('holds back a revocation on decommission under a REVOCATION exception, and requests it when the exception expires', async () => {
    const identityId = await spec.subgraph.discover('identity_lifecycle', { kind: 'SERVICE_ACCOUNT' });
    const exception = {
      exceptionId: randomUUID(),
      identityId,
      control: 'REVOCATION' as const,
      expiresAt: new Date(Date.now() + 7 * DAY_MS),
    };
    await exceptionEvent('nhi.exception.approved', exception);
    const decommissioned = await spec.subgraph.publish('nhi.identity.decommissioned', {
      id: identityId,
      reason: 'service retired',
      decommissionedBy: 'alice',
      decommissionedAt: new Date().toISOString(),
    });
    await waitFor(async () => (await spec.subgraph.sql('SELECT 1 FROM inbox_events WHERE event_id = $1', [decommissioned.id])).length > 0);
    expect(await spec.subgraph.sql('SELECT revocation_held_reason FROM identity_lifecycle WHERE identity_id = $1', [identityId])).toEqual([
      { revocation_held_reason: 'decommissioned by alice: service retired' },
    ]);
    expect(requestsOn(TOPICS.revocationRequests, identityId)).toEqual([]);

    await exceptionEvent('nhi.exception.expired', exception);
    const [request] = await waitFor(
      () => requestsOn(TOPICS.revocationRequests, identityId).length > 0 && requestsOn(TOPICS.revocationRequests, identityId),
      { what: 'the revocation after the exception expired' },
    );
    expect(request.data.reason).toBe('decommissioned by alice: service retired (held by an exception that ended)');
  });
});
