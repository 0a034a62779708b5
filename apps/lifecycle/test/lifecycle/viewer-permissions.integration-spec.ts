import { randomUUID } from 'node:crypto';
import type { Actor } from '@nhi/auth';
import { ownershipAssignedData, subgraphSpec, waitFor } from '@nhi/testing';
import { bootstrap } from '../../src/main';

const spec = subgraphSpec('lifecycle_viewer_permissions', bootstrap);

const OWNER: Actor = { sub: 'olga', roles: ['owner'], ownerRefs: ['team-payments'] };
const OTHER_OWNER: Actor = { sub: 'oscar', roles: ['owner'], ownerRefs: ['team-search'] };
const VIEWER: Actor = { sub: 'vera', roles: ['viewer'], ownerRefs: ['team-payments'] };
const ADMIN: Actor = { sub: 'ada', roles: ['security-admin'], ownerRefs: [] };

async function permissionsOf(identityId: string, actor: Actor) {
  const result = await spec.subgraph.query<{ _entities: Array<{ lifecycle: { viewerCanRotate: boolean; viewerCanRevoke: boolean } }> }>(
    `query($r: [_Any!]!) { _entities(representations: $r) { ... on NonHumanIdentity { lifecycle { viewerCanRotate viewerCanRevoke } } } }`,
    { r: [{ __typename: 'NonHumanIdentity', id: identityId }] },
    actor,
  );
  expect(result.errors).toBeUndefined();
  return result.data!._entities[0]!.lifecycle;
}

describe('viewerCanRotate and viewerCanRevoke', () => {
  it('are true for a security-admin and for an owner through its team, false for other owners and for viewers', async () => {
    const identityId = await spec.subgraph.discover('identity_lifecycle', { provider: 'demo', kind: 'API_KEY' });
    // Ownership says who owns it: ana's own reference, then her team's, as nhi.ownership.assigned carries them.
    const data = ownershipAssignedData(identityId, randomUUID(), { ownerRef: 'ana', ownerPath: ['ana', 'team-payments'] });
    const event = await spec.subgraph.publish('nhi.ownership.assigned', data, 'ownership');
    await waitFor(async () => (await spec.subgraph.sql('SELECT 1 FROM inbox_events WHERE event_id = $1', [event.id])).length > 0);

    expect(await permissionsOf(identityId, OWNER)).toEqual({ viewerCanRotate: true, viewerCanRevoke: true });
    expect(await permissionsOf(identityId, ADMIN)).toEqual({ viewerCanRotate: true, viewerCanRevoke: true });
    expect(await permissionsOf(identityId, OTHER_OWNER)).toEqual({ viewerCanRotate: false, viewerCanRevoke: false });
    expect(await permissionsOf(identityId, VIEWER)).toEqual({ viewerCanRotate: false, viewerCanRevoke: false });

    // The answer matches what the mutation does with the same viewer.
    const refused = await spec.subgraph.query<{ rotationRequestCreate: { userErrors: Array<{ code: string }> } | null }>(
      'mutation($input: RotationRequestCreateInput!) { rotationRequestCreate(input: $input) { userErrors { code } } }',
      { input: { identityId, reason: 'not mine to rotate' } },
      OTHER_OWNER,
    );
    expect(JSON.stringify(refused)).toMatch(/FORBIDDEN/);
  });
});
