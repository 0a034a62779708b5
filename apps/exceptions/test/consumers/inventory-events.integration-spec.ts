import { identityDiscoveredData, subgraphSpec, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';

const spec = subgraphSpec('exceptions', bootstrap);

describe('exceptions learns identities from inventory events', () => {
  it('remembers a registered identity, once, and lists its exceptions (none yet)', async () => {
    const exceptions = spec.subgraph;
    const data = identityDiscoveredData({ businessUnit: 'Finance' });
    const event = await exceptions.publish('nhi.identity.discovered', data);
    await exceptions.redeliver(event);

    await waitFor(
      async () => (await exceptions.sql('SELECT 1 FROM known_identities WHERE identity_id = $1', [data.identity.id])).length === 1,
      {
        what: 'exceptions to consume the event',
      },
    );
    await waitFor(
      async () => Number(await exceptions.kafka.committedOffset(exceptions.groupId, exceptions.topic('nhi.inventory.events.v1'), 0)) >= 2,
      { what: 'both deliveries to be committed' },
    );
    expect(await exceptions.sql('SELECT business_unit FROM known_identities WHERE identity_id = $1', [data.identity.id])).toEqual([
      { business_unit: 'Finance' },
    ]);

    const result = await exceptions.query<{ _entities: unknown[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on NonHumanIdentity { id exceptions { id } approved: exceptions(status: APPROVED) { id } } } }`,
      { r: [{ __typename: 'NonHumanIdentity', id: data.identity.id }] },
    );
    expect(result.data?._entities).toEqual([{ id: data.identity.id, exceptions: [], approved: [] }]);
  });
});
