import { randomUUID } from 'node:crypto';
import { subgraphSpec, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';

const spec = subgraphSpec('lifecycle_references', bootstrap);

/**
 * Lifecycle names identities and exceptions by id; the gateway resolves them from their owners. What lifecycle
 * must answer is a reference the gateway can follow: the type name and the id, read from its own rows.
 */
describe('entity references lifecycle gives the gateway', () => {
  it("answers a rotation's identity and a suspension's exception as typed references, read from its own rows", async () => {
    const identityId = await spec.subgraph.discover('identity_lifecycle', { provider: 'demo', kind: 'API_KEY' });
    const rotation = await spec.subgraph.query('mutation($id: ID!) { requestRotation(identityId: $id, reason: "references") { id } }', {
      id: identityId,
    });
    expect(rotation.errors).toBeUndefined();
    const exceptionId = randomUUID();
    const approved = await spec.subgraph.publish(
      'nhi.exception.approved',
      {
        exceptionId,
        identityId,
        control: 'REVOCATION',
        expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
        groupId: null,
        at: new Date().toISOString(),
        actor: 'sam',
        note: null,
      },
      'exceptions',
    );
    await waitFor(async () => (await spec.subgraph.sql('SELECT 1 FROM inbox_events WHERE event_id = $1', [approved.id])).length > 0, {
      what: 'lifecycle to consume the approval',
    });

    const result = await spec.subgraph.query(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on NonHumanIdentity { lifecycle {
         rotations { identityId identity { __typename id } }
         suspensions { exceptionId exception { __typename id } } } } } }`,
      { r: [{ __typename: 'NonHumanIdentity', id: identityId }] },
    );

    expect(result.errors).toBeUndefined();
    expect(result.data).toEqual({
      _entities: [
        {
          lifecycle: {
            rotations: [{ identityId, identity: { __typename: 'NonHumanIdentity', id: identityId } }],
            suspensions: [{ exceptionId, exception: { __typename: 'PolicyException', id: exceptionId } }],
          },
        },
      ],
    });
  });
});
