import { Client } from 'pg';
import { replicaSpec, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';
import { ExceptionClock } from '../../src/exceptions/exception-clock';
import { APPROVER, ExceptionsClient, inDays } from '../support/exceptions-client';

// Two instances on one database, as two replicas, their timers off: the test runs both at the same moment.
const spec = replicaSpec('exceptions_replicas', bootstrap, { env: { EXCEPTIONS_TICK_MS: '0', EXCEPTION_REMINDER_DAYS: '7,1' } });
const client = new ExceptionsClient(spec);
const DAY_MS = 86_400_000;

/** Each instance's clock twice, all at once: whichever gets the lock does the work, the rest find none. */
async function runEverywhere(now: Date) {
  const runs = await spec.everywhere((instance) => instance.app.get(ExceptionClock).run(now));
  return runs.reduce((sum, run) => ({ expired: sum.expired + run.expired, reminded: sum.reminded + run.reminded }));
}

/** How many events of a type each exception has in the outbox. */
async function eventsPerException(type: string): Promise<number[]> {
  const rows = await spec.subgraph.sql<{ n: number }>(
    "SELECT count(*)::int AS n FROM outbox_events WHERE payload->>'type' = $1 GROUP BY payload->'data'->>'exceptionId'",
    [type],
  );
  return rows.map((row) => row.n);
}

describe('the exception clock on two instances at once', () => {
  it('reminds and expires each exception once, with one event each', async () => {
    const identities = await Promise.all(Array.from({ length: 12 }, () => client.discovered()));
    const expiresAt = new Date(Date.parse(inDays(30)));
    const approved: string[] = [];
    for (const [i, identityId] of identities.entries()) {
      const exception = await client.requested({ identityId, expiresAt: expiresAt.toISOString() });
      // Half approved (reminded, then expired as APPROVED), half left REQUESTED (expired before anyone decided).
      if (i % 2 === 0) {
        await client.decide('approve', exception.id, null, APPROVER);
        approved.push(exception.id);
      }
    }

    expect(await runEverywhere(new Date(expiresAt.getTime() - 5 * DAY_MS))).toEqual({ expired: 0, reminded: approved.length });
    expect(await eventsPerException('nhi.exception.expiring-soon')).toEqual(approved.map(() => 1));

    expect(await runEverywhere(new Date(expiresAt.getTime() + DAY_MS))).toEqual({ expired: identities.length, reminded: 0 });
    expect(await eventsPerException('nhi.exception.expired')).toEqual(identities.map(() => 1));
    const history = await spec.subgraph.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM exception_history WHERE action IN ('EXPIRED', 'REMINDED') GROUP BY exception_id, action",
    );
    expect(history).toHaveLength(identities.length + approved.length);
    expect(history.every((row) => row.n === 1)).toBe(true);
  });

  it('skips a tick while another instance holds the lock, and runs again once that instance is gone', async () => {
    const identityId = await client.discovered();
    const expiresAt = new Date(Date.parse(inDays(30)));
    await client.requested({ identityId, expiresAt: expiresAt.toISOString() });
    const afterExpiry = new Date(expiresAt.getTime() + DAY_MS);

    // A replica in the middle of a tick, whose process then dies: its connection goes, and its lock with it.
    const other = new Client({ connectionString: spec.subgraph.database.url });
    await other.connect();
    other.on('error', () => undefined);
    await other.query('BEGIN');
    await other.query("SELECT pg_advisory_xact_lock(hashtext('nhi.exception-clock'))");
    expect(await runEverywhere(afterExpiry)).toEqual({ expired: 0, reminded: 0 });
    const [{ pid }] = (await other.query<{ pid: number }>('SELECT pg_backend_pid() AS pid')).rows;
    await spec.subgraph.sql('SELECT pg_terminate_backend($1)', [pid]);
    await waitFor(async () => (await spec.subgraph.sql('SELECT 1 FROM pg_stat_activity WHERE pid = $1', [pid])).length === 0, {
      what: 'the other replica to be gone',
    });

    expect(await runEverywhere(afterExpiry)).toEqual({ expired: 1, reminded: 0 });
    await other.end().catch(() => undefined);
  });
});
