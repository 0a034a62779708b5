import type { IdentitySnapshot } from '@nhi/contracts';
import { replicaSpec } from '@nhi/testing';
import { HeldEnforcement } from '../../src/held-enforcement/held-enforcement';
import { bootstrap } from '../../src/main';
import { DueRotations } from '../../src/rotation/due-rotations';
import { RotationService } from '../../src/rotation/rotation.service';

// Two instances on one database, as two replicas, their timers off: the test runs both at the same moment.
const spec = replicaSpec('lifecycle_replicas', bootstrap, { env: { LIFECYCLE_TICK_MS: '0', ROTATION_RETRY_BASE_MS: '1000' } });
const DAY_MS = 86_400_000;

const sum = <T extends Record<string, number>>(results: T[], key: keyof T) => results.reduce((total, result) => total + result[key], 0);

describe('due rotations and rotation deadlines on two instances at once', () => {
  beforeAll(async () => {
    const policy = await spec.subgraph.query(
      'mutation { upsertRotationPolicy(input: { name: "auto secrets", kind: ["SECRET"], maxAgeDays: 30, warnDays: 5, autoRotate: true }) { id } }',
    );
    if (policy.errors) throw new Error(JSON.stringify(policy.errors));
  });

  it('warns, announces, requests and expires each identity once; times out and retries each attempt once', async () => {
    const discover = (overrides: Partial<IdentitySnapshot>, n: number) =>
      Promise.all(Array.from({ length: n }, () => spec.subgraph.discover('identity_lifecycle', overrides)));
    const now = Date.now();
    const due = await discover({ kind: 'SECRET', createdAt: new Date(now - 31.5 * DAY_MS).toISOString() }, 8);
    const warned = await discover({ kind: 'SECRET', createdAt: new Date(now - 27 * DAY_MS).toISOString() }, 4);
    const expired = await discover({ kind: 'CERTIFICATE', expiresAt: new Date(now - 60_000).toISOString() }, 4);

    const runs = await spec.everywhere((instance) => instance.app.get(DueRotations).run(new Date(now)));
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
    expect(await spec.subgraph.eventsPerSubject('nhi.credential.rotation-due')).toEqual(once([...due, ...warned]));
    expect(await spec.subgraph.eventsPerSubject('nhi.credential.expired')).toEqual(once(expired));
    expect(await spec.subgraph.eventsPerSubject('nhi.rotation.requested')).toEqual(once(due));

    // Nobody answers: past the deadline every attempt times out once, and after the backoff is retried once.
    const late = new Date(now + DAY_MS);
    const timedOut = await spec.everywhere((instance) => instance.app.get(RotationService).tick(late));
    expect(sum(timedOut, 'timedOut')).toBe(due.length);
    const retried = await spec.everywhere((instance) => instance.app.get(RotationService).tick(new Date(late.getTime() + 60_000)));
    expect(sum(retried, 'retried')).toBe(due.length);
    expect(await spec.subgraph.eventsPerSubject('nhi.rotation.requested')).toEqual(new Map(due.map((id) => [id, 2])));
    const attempts = await spec.subgraph.sql<{ identity_id: string; attempts: number }>(
      'SELECT identity_id, count(*)::int AS attempts FROM rotation_requests GROUP BY identity_id',
    );
    expect(attempts.every((row) => row.attempts === 2)).toBe(true);
    expect(attempts).toHaveLength(due.length);

    // Held enforcement has nothing to resume here; the sweep still runs on one instance at a time.
    expect(await spec.everywhere((instance) => instance.app.get(HeldEnforcement).sweep(late))).toEqual([0, 0, 0, 0]);
  });
});
