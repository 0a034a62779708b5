import { subgraphSpec } from '@nhi/testing';
import { bootstrap } from '../../src/main';
import { InventoryClient } from '../support/inventory-client';

// One missed snapshot stales, so each refusal is about the snapshot at hand; the share is the default 0.2.
const inventory = subgraphSpec('snapshot-guard', bootstrap, { env: { STALE_AFTER_SNAPSHOTS: '1' } });
const client = new InventoryClient(inventory);

let n = 0;
const unique = (label: string) => `${label}-${++n}-${Date.now().toString(36)}`;
const rowsOf = (count: number) =>
  Array.from({ length: count }, (_, i) => ({ provider: 'acme', externalId: unique(`snap-${i}`), kind: 'api key', name: `key ${i}` }));

async function statuses(source: string): Promise<Record<string, number>> {
  const rows = await inventory.subgraph.sql<{ status: string; count: number }>(
    `SELECT i.status, count(*)::int AS count FROM identities i JOIN identity_sightings s ON s.identity_id = i.id
     WHERE s.source = $1 GROUP BY i.status`,
    [source],
  );
  return Object.fromEntries(rows.map((r) => [r.status, r.count]));
}

describe('full-snapshot guard', () => {
  it('refuses a snapshot that would stale more than the allowed share, shows it on a dry run, and takes it when forced', async () => {
    const source = unique('guarded');
    const rows = rowsOf(10);
    await client.ingest(source, rows, { fullSnapshot: true });

    const refused = await client.tryIngest(source, rows.slice(0, 5), { fullSnapshot: true });
    expect(refused.errors?.[0]?.message).toMatch(
      /would mark 5 of the 10 active identities .* STALE, more than SNAPSHOT_MAX_STALE_SHARE \(0\.2\)/,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT' });
    expect(await statuses(source)).toEqual({ ACTIVE: 10 });

    const dry = await client.ingest(source, rows.slice(0, 5), { fullSnapshot: true, dryRun: true });
    expect(dry).toMatchObject({ stale: 5, warnings: [{ index: null, message: expect.stringMatching(/^a real run would be refused/) }] });
    expect(await statuses(source)).toEqual({ ACTIVE: 10 });

    expect(await client.ingest(source, rows.slice(0, 5), { fullSnapshot: true, force: true })).toMatchObject({ stale: 5, warnings: [] });
    expect(await statuses(source)).toEqual({ ACTIVE: 5, STALE: 5 });
  });

  it('takes a snapshot that stales no more than the share', async () => {
    const source = unique('small-change');
    const rows = rowsOf(10);
    await client.ingest(source, rows, { fullSnapshot: true });

    expect(await client.ingest(source, rows.slice(0, 8), { fullSnapshot: true })).toMatchObject({ stale: 2 });
  });

  it('refuses an empty full snapshot unless forced', async () => {
    const source = unique('emptied');
    await client.ingest(source, rowsOf(3), { fullSnapshot: true });

    const refused = await client.tryIngest(source, [], { fullSnapshot: true });
    expect(refused.errors?.[0]?.message).toMatch(/^this full snapshot has no valid rows/);
    const allBad = await client.tryIngest(
      source,
      [{ provider: 'acme', externalId: 'x', kind: 'key', name: 'n', createdAt: '12/18/2019' }],
      {
        fullSnapshot: true,
      },
    );
    expect(allBad.errors?.[0]?.message).toMatch(/^this full snapshot has no valid rows/);
    expect(await statuses(source)).toEqual({ ACTIVE: 3 });

    expect(await client.ingest(source, [], { fullSnapshot: true, force: true })).toMatchObject({ stale: 3 });
  });
});
