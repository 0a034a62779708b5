import { subgraphSpec, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';
import { InventoryClient } from '../support/inventory-client';

const inventory = subgraphSpec('inventory_rotated', bootstrap);
const client = new InventoryClient(inventory);

describe('inventory learns rotations from lifecycle', () => {
  it('takes the new fingerprint and expiry, says what changed, and closes the no-expiry finding', async () => {
    const old = 'sha256:00000000000000000000000000000000';
    await client.ingest('vault', [{ provider: 'vault', externalId: 'kv/app', kind: 'secret', name: 'app', credentialFingerprint: old }]);
    const before = await client.identity('vault', 'kv/app');
    expect(before?.findings.map((f) => f.code)).toEqual(['NO_EXPIRY']);

    const rotatedAt = new Date().toISOString();
    const fresh = 'sha256:11111111111111111111111111111111';
    await inventory.subgraph.publish(
      'nhi.credential.rotated',
      {
        requestId: '01900000-0000-7000-8000-0000000000d1',
        identityId: before!.id,
        rotatedAt,
        newCredentialFingerprint: fresh,
        newExpiresAt: '2027-03-01T00:00:00.000Z',
        nextRotationDueAt: '2027-02-25T00:00:00.000Z',
      },
      'lifecycle',
    );

    const after = await waitFor(async () => {
      const identity = await client.identity('vault', 'kv/app');
      return identity?.credentialFingerprint === fresh && identity;
    });
    expect(after).toMatchObject({ expiresAt: '2027-03-01T00:00:00.000Z', findings: [] });
    expect(await client.eventTypes(before!.id)).toEqual([
      'nhi.identity.discovered',
      'nhi.finding.opened',
      'nhi.identity.updated',
      'nhi.finding.closed',
    ]);
  });
});
