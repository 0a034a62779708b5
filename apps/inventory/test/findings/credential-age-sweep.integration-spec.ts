import { subgraphSpec, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';
import { InventoryClient } from '../support/inventory-client';

const inventory = subgraphSpec('age_sweep', bootstrap, { env: { MAX_CREDENTIAL_AGE_DAYS: '1', FINDINGS_SWEEP_INTERVAL_MS: '250' } });
const client = new InventoryClient(inventory);

describe('credential age sweep', () => {
  it('opens the NHI7 age finding, with its event, once a credential outgrows the maximum with no new report', async () => {
    const DAY_MS = 86_400_000;
    // Two days old (the first age past a one-day maximum) three seconds from now.
    const createdAt = new Date(Date.now() - 2 * DAY_MS + 3_000).toISOString();
    await client.ingest('aws-config', [
      // An API key is a credential itself; a role would get no age finding (it holds no long-lived secret).
      {
        provider: 'aws',
        externalId: 'key/ageing',
        kind: 'api key',
        name: 'ageing',
        environment: 'dev',
        createdAt,
        expiresAt: '2099-01-01T00:00:00Z',
      },
    ]);
    const fresh = await client.identity('aws', 'key/ageing');
    expect(fresh?.findings.map((f) => f.code)).toEqual([]);

    const aged = await waitFor(
      async () => {
        const identity = await client.identity('aws', 'key/ageing');
        return identity?.findings.some((f) => f.code === 'CREDENTIAL_TOO_OLD') && identity;
      },
      { what: 'the sweep to open CREDENTIAL_TOO_OLD', timeoutMs: 15_000 },
    );

    expect(aged.findings).toEqual([expect.objectContaining({ category: 'NHI7', code: 'CREDENTIAL_TOO_OLD' })]);
    expect(await client.eventTypes(aged.id)).toEqual(['nhi.identity.discovered', 'nhi.finding.opened']);
  });
});
