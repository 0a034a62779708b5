import { replicaSpec } from '@nhi/testing';
import { CredentialAgeSweep } from '../../src/findings/credential-age-sweep';
import { IdentityCounts } from '../../src/identities/identity-counts';
import { bootstrap } from '../../src/main';
import { InventoryClient } from '../support/inventory-client';

// Two instances on one database, as two replicas, their timers off: the test runs both at the same moment.
const inventory = replicaSpec('age_sweep_replicas', bootstrap, { env: { MAX_CREDENTIAL_AGE_DAYS: '1', FINDINGS_SWEEP_INTERVAL_MS: '0' } });
const client = new InventoryClient(inventory);
const DAY_MS = 86_400_000;

describe('the credential age sweep on two instances at once', () => {
  it('sweeps once: one instance opens each finding, with one event, the other skips the round', async () => {
    // A day and a half old: within the one-day maximum now (whole days), past it a day from now.
    const createdAt = new Date(Date.now() - 1.5 * DAY_MS).toISOString();
    const keys = Array.from({ length: 20 }, (_, i) => ({
      provider: 'aws',
      externalId: `key/replica-${i}`,
      kind: 'api key',
      name: `replica-${i}`,
      environment: 'dev',
      createdAt,
      expiresAt: '2099-01-01T00:00:00Z',
    }));
    await client.ingest('aws-config', keys);

    const tomorrow = new Date(Date.now() + DAY_MS);
    const opened = await inventory.everywhere((instance) => instance.app.get(CredentialAgeSweep).run(tomorrow));
    expect(opened.reduce((a, b) => a + b)).toBe(keys.length);
    const events = await inventory.subgraph.sql<{ n: number }>(
      "SELECT count(*)::int AS n FROM outbox_events WHERE payload->>'type' = 'nhi.finding.opened' GROUP BY message_key",
    );
    expect(events.map((row) => row.n)).toEqual(keys.map(() => 1));

    // The counts' fold keeps every sum, however many instances fold at once.
    const total = async () => (await inventory.subgraph.sql<{ n: number }>('SELECT sum(n)::int AS n FROM identity_count_deltas'))[0]?.n;
    const before = await total();
    await Promise.all(inventory.instances.map((instance) => instance.app.get(IdentityCounts).run()));
    expect(await total()).toBe(before);
  });
});
