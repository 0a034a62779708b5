import type { IdentitySnapshot } from '@nhi/contracts';
import type { RunningService } from '@nhi/runtime';
import { subgraphSpec } from '@nhi/testing';
import { HeldEnforcement } from '../../src/held-enforcement/held-enforcement';
import { bootstrap } from '../../src/main';
import { DueRotations } from '../../src/rotation/due-rotations';
import { RotationService } from '../../src/rotation/rotation.service';

// Two instances on one database, as two replicas, their clocks off: the test runs both at the same moment.
const instances: RunningService[] = [];
let environment: Record<string, string> = {};
const spec = subgraphSpec(
  'lifecycle_replicas',
  async (env, handleSignals) => {
    environment = env;
    const started = await bootstrap(env, handleSignals);
    instances.push(started);
    return started;
  },
  { env: { LIFECYCLE_TICK_MS: '0', ROTATION_RETRY_BASE_MS: '1000' } },
);
const DAY_MS = 86_400_000;

/** `step` of each instance twice, all at once; returns their results. */
function everywhere<T>(step: (instance: RunningService) => Promise<T>): Promise<T[]> {
  return Promise.all([...instances, ...instances].map(step));
}

/** Outbox events of a type per identity, as `warning` tells them apart for rotation-due. */
async function eventsPerIdentity(type: string): Promise<Map<string, number>> {
  const rows = await spec.subgraph.sql<{ subject: string; n: number }>(
    `SELECT payload->>'subject' AS subject, count(*)::int AS n FROM outbox_events WHERE payload->>'type' = $1 GROUP BY 1`,
    [type],
  );
  return new Map(rows.map((row) => [row.subject, row.n]));
}

const sum = <T extends Record<string, number>>(results: T[], key: keyof T) => results.reduce((total, result) => total + result[key], 0);

describe('due rotations and rotation deadlines on two instances at once', () => {
  beforeAll(async () => {
    const policy = await spec.subgraph.query(
      'mutation { upsertRotationPolicy(input: { name: "auto secrets", kind: ["SECRET"], maxAgeDays: 30, warnDays: 5, autoRotate: true }) { id } }',
    );
    if (policy.errors) throw new Error(JSON.stringify(policy.errors));
    instances.push(await bootstrap(environment, false));
  });
  afterAll(async () => {
    await instances[1]?.close();
  });

  it('warns, announces, requests and expires each identity once; times out and retries each attempt once', async () => {
    const discover = (overrides: Partial<IdentitySnapshot>, n: number) =>
      Promise.all(Array.from({ length: n }, () => spec.subgraph.discover('identity_lifecycle', overrides)));
    const now = Date.now();
    const due = await discover({ kind: 'SECRET', createdAt: new Date(now - 31.5 * DAY_MS).toISOString() }, 8);
    const warned = await discover({ kind: 'SECRET', createdAt: new Date(now - 27 * DAY_MS).toISOString() }, 4);
    const expired = await discover({ kind: 'CERTIFICATE', expiresAt: new Date(now - 60_000).toISOString() }, 4);

    const runs = await everywhere((instance) => instance.app.get(DueRotations).run(new Date(now)));
    expect({
      warned: sum(runs, 'warned'),
      due: sum(runs, 'due'),
      autoRotated: sum(runs, 'autoRotated'),
      expired: sum(runs, 'expired'),
    }).toEqual({
      warned: warned.length,
      due: due.length,
      autoRotated: due.length,
      expired: expired.length,
    });
    const once = (ids: string[]) => new Map(ids.map((id) => [id, 1]));
    expect(await eventsPerIdentity('nhi.credential.rotation-due')).toEqual(once([...due, ...warned]));
    expect(await eventsPerIdentity('nhi.credential.expired')).toEqual(once(expired));
    expect(await eventsPerIdentity('nhi.rotation.requested')).toEqual(once(due));

    // Nobody answers: past the deadline every attempt times out once, and after the backoff is retried once.
    const late = new Date(now + DAY_MS);
    const timedOut = await everywhere((instance) => instance.app.get(RotationService).tick(late));
    expect(sum(timedOut, 'timedOut')).toBe(due.length);
    const retried = await everywhere((instance) => instance.app.get(RotationService).tick(new Date(late.getTime() + 60_000)));
    expect(sum(retried, 'retried')).toBe(due.length);
    expect(await eventsPerIdentity('nhi.rotation.requested')).toEqual(new Map(due.map((id) => [id, 2])));
    const attempts = await spec.subgraph.sql<{ identity_id: string; attempts: number }>(
      'SELECT identity_id, count(*)::int AS attempts FROM rotation_requests GROUP BY identity_id',
    );
    expect(attempts.every((row) => row.attempts === 2)).toBe(true);
    expect(attempts).toHaveLength(due.length);

    // Held enforcement has nothing to resume here; the sweep still runs on one instance at a time.
    expect(await everywhere((instance) => instance.app.get(HeldEnforcement).sweep(late))).toEqual([0, 0, 0, 0]);
  });
});
