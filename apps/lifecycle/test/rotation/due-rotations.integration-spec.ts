import { TOPICS } from '@nhi/contracts';
import type { IdentitySnapshot } from '@nhi/contracts';
import { subgraphSpec, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';

const spec = subgraphSpec('lifecycle_due', bootstrap, {
  env: { LIFECYCLE_TICK_MS: '100' },
  tap: [TOPICS.rotationRequests, TOPICS.lifecycleEvents],
});
const DAY_MS = 86_400_000;

beforeAll(async () => {
  const policy = await spec.subgraph.query(
    'mutation { upsertRotationPolicy(input: { name: "auto secrets", kind: ["SECRET"], maxAgeDays: 30, warnDays: 5, autoRotate: true }) { id } }',
  );
  if (policy.errors) throw new Error(JSON.stringify(policy.errors));
});

function discovered(overrides: Partial<IdentitySnapshot>): Promise<string> {
  return spec.subgraph.discover('identity_lifecycle', overrides);
}

const eventsAbout = (identityId: string, topic: string = TOPICS.lifecycleEvents) =>
  spec.tap.messages
    .filter((m) => m.topic === spec.subgraph.topic(topic) && m.key === identityId)
    .map((m) => JSON.parse(m.value ?? '{}') as { type: string; data: Record<string, unknown> });

async function list(query: 'dueRotations' | 'overdueRotations' | 'failedRotations'): Promise<string[]> {
  const result = await spec.subgraph.query<Record<string, { edges: Array<{ node: { id: string } }> }>>(
    `{ ${query}(first: 500) { edges { node { id } } } }`,
  );
  return result.data?.[query]?.edges.map((e) => e.node.id) ?? [];
}

describe('due dates, warnings, auto-rotation and expiry', () => {
  it('requests a rotation when an auto-rotating policy falls due, and lists it as overdue', async () => {
    // Half a day past the whole day: the clock's tick may have taken its "now" just before this line ran.
    const identityId = await discovered({ kind: 'SECRET', createdAt: new Date(Date.now() - 31.5 * DAY_MS).toISOString() });

    const [request] = await waitFor(
      () => eventsAbout(identityId, TOPICS.rotationRequests).length > 0 && eventsAbout(identityId, TOPICS.rotationRequests),
      {
        what: 'the automatic rotation request',
      },
    );
    expect(request?.data['reason']).toMatch(/^due under policy "auto secrets" \(max age 30 days, 1 days overdue\)$/);
    // The request and the due event are on two topics: one may arrive before the other.
    const due = await waitFor(() => eventsAbout(identityId).find((e) => e.type === 'nhi.credential.rotation-due'), {
      what: 'the rotation-due event',
    });
    expect(due.data).toMatchObject({
      warning: false,
      policy: 'auto secrets',
      autoRotate: true,
    });
    expect(await list('overdueRotations')).toContain(identityId);
  });

  it('warns once, warnDays before the due date', async () => {
    const identityId = await discovered({ kind: 'SECRET', createdAt: new Date(Date.now() - 27 * DAY_MS).toISOString() });

    await waitFor(() => eventsAbout(identityId).some((e) => e.type === 'nhi.credential.rotation-due'));
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(eventsAbout(identityId).filter((e) => e.type === 'nhi.credential.rotation-due')).toEqual([
      expect.objectContaining({ data: expect.objectContaining({ warning: true }) }),
    ]);
    expect(eventsAbout(identityId, TOPICS.rotationRequests)).toEqual([]);
  });

  it('marks a due identity ROTATION_DUE without requesting anything when its policy does not auto-rotate', async () => {
    const identityId = await discovered({ kind: 'API_KEY', createdAt: new Date(Date.now() - 100 * DAY_MS).toISOString() });

    await waitFor(async () => (await list('dueRotations')).includes(identityId), { what: 'the identity to be listed as due' });
    expect(eventsAbout(identityId, TOPICS.rotationRequests)).toEqual([]);
  });

  it('expires a credential past its expiry date, with an event', async () => {
    const expiresAt = new Date(Date.now() - 1000).toISOString();
    const identityId = await discovered({ kind: 'CERTIFICATE', expiresAt });

    const expired = await waitFor(() => eventsAbout(identityId).find((e) => e.type === 'nhi.credential.expired'));
    expect(expired.data).toMatchObject({ identityId, expiresAt });
    const [row] = await spec.subgraph.sql<{ state: string }>('SELECT state FROM identity_lifecycle WHERE identity_id = $1', [identityId]);
    expect(row?.state).toBe('EXPIRED');
  });
});
