import { identityDiscoveredData, waitFor } from '@nhi/testing';
import { ownershipSpec } from '../support/ownership-spec';

const spec = ownershipSpec('ownership');

const OWNERSHIP_OF = `
  query($r: [_Any!]!) {
    _entities(representations: $r) { ... on NonHumanIdentity { id ownershipStatus owner { id } backupOwner { id } lastAttestation } }
  }`;

describe('ownership learns identities from inventory events', () => {
  it('tracks a registered identity as UNASSIGNED, once, even when the event is delivered twice', async () => {
    const ownership = spec.subgraph;
    const data = identityDiscoveredData({ businessUnit: 'Payments' });
    const event = await ownership.publish('nhi.identity.discovered', data);
    await ownership.redeliver(event);

    await waitFor(async () => (await ownership.sql('SELECT 1 FROM inbox_events WHERE event_id = $1', [event.id])).length > 0, {
      what: 'ownership to consume the event',
    });
    // Give the duplicate every chance to be applied before counting.
    await waitFor(
      async () => Number(await ownership.kafka.committedOffset(ownership.groupId, ownership.topic('nhi.inventory.events.v1'), 0)) >= 2,
      { what: 'both deliveries to be committed' },
    );
    const rows = await ownership.sql<{ status: string; business_unit: string }>(
      'SELECT status, business_unit FROM identity_ownership WHERE identity_id = $1',
      [data.identity.id],
    );
    expect(rows).toEqual([{ status: 'UNASSIGNED', business_unit: 'Payments' }]);
    const inbox = await ownership.sql('SELECT 1 FROM inbox_events WHERE event_id = $1', [event.id]);
    expect(inbox).toHaveLength(1);

    const result = await ownership.query<{ _entities: unknown[] }>(OWNERSHIP_OF, {
      r: [{ __typename: 'NonHumanIdentity', id: data.identity.id }],
    });
    expect(result.data?._entities).toEqual([
      { id: data.identity.id, ownershipStatus: 'UNASSIGNED', owner: null, backupOwner: null, lastAttestation: null },
    ]);
  });

  it('tracks an identity of an unknown kind (OTHER) like any other, keeping its kind for campaigns and rules', async () => {
    const ownership = spec.subgraph;
    const data = identityDiscoveredData({ kind: 'OTHER', sourceKind: 'AWS::IAM::OIDCProvider' });

    await ownership.publish('nhi.identity.discovered', data);

    const rows = await waitFor(
      async () => {
        const found = await ownership.sql<{ status: string; kind: string }>(
          'SELECT status, kind FROM identity_ownership WHERE identity_id = $1',
          [data.identity.id],
        );
        return found.length > 0 && found;
      },
      { what: 'ownership to track the OTHER identity' },
    );
    expect(rows).toEqual([{ status: 'UNASSIGNED', kind: 'OTHER' }]);
  });
});
