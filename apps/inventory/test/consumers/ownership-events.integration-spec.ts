import { TOPICS } from '@nhi/contracts';
import { subgraphSpec, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';
import { InventoryClient } from '../support/inventory-client';

const inventory = subgraphSpec('inventory_attested', bootstrap, { tap: [TOPICS.inventoryEvents] });
const client = new InventoryClient(inventory);

describe('inventory acts on ownership attestations', () => {
  it('decommissions an identity its owner attested DECOMMISSION, once, keeping a secret-looking note out', async () => {
    await client.ingest('aws-config', [{ provider: 'aws', externalId: 'role/old-batch', kind: 'service account', name: 'old batch' }]);
    const identity = await client.identity('aws', 'role/old-batch');
    const data = {
      identityId: identity!.id,
      campaignId: '01900000-0000-7000-8000-000000000001',
      ownerId: '01900000-0000-7000-8000-000000000002',
      decision: 'DECOMMISSION' as const,
      note: 'ghp_16C7e42F292c6912E7710c838347Ae178B4a',
      actor: 'alice',
      attestedAt: new Date().toISOString(),
    };

    const event = await inventory.subgraph.publish('nhi.ownership.attested', data, 'ownership');
    await inventory.subgraph.redeliver(event);
    await inventory.subgraph.publish('nhi.ownership.attested', { ...data, identityId: identity!.id, decision: 'KEEP' }, 'ownership');

    const decommissioned = await waitFor(async () => {
      const [row] = await inventory.subgraph.sql<{ status: string; decommissioned_by: string; decommission_reason: string }>(
        'SELECT status, decommissioned_by, decommission_reason FROM identities WHERE id = $1',
        [identity!.id],
      );
      return row?.status === 'DECOMMISSIONED' && row;
    });
    expect(decommissioned).toEqual({
      status: 'DECOMMISSIONED',
      decommissioned_by: 'alice',
      decommission_reason: 'attested DECOMMISSION in campaign 01900000-0000-7000-8000-000000000001',
    });
    await waitFor(() => inventory.tap.messages.some((m) => m.key === identity!.id && m.value?.includes('nhi.identity.decommissioned')));
    expect(await client.eventTypes(identity!.id)).toEqual(['nhi.identity.discovered', 'nhi.identity.decommissioned']);
  });
});
