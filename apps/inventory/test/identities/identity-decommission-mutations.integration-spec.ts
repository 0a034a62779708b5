import { randomUUID } from 'node:crypto';
import { subgraphSpec } from '@nhi/testing';
import { bootstrap } from '../../src/main';
import { InventoryClient } from '../support/inventory-client';
import type { UserError } from '@nhi/testing';

const inventory = subgraphSpec('identity_mutations', bootstrap);
const client = new InventoryClient(inventory);

let n = 0;
const unique = (label: string) => `${label}-${++n}-${Date.now().toString(36)}`;

interface DecommissionPayload {
  identity: { id: string; status: string; decommissionedBy: string | null; decommissionReason: string | null } | null;
  userErrors: UserError[];
  clientMutationId: string | null;
}

async function identityDecommission(input: Record<string, unknown>): Promise<DecommissionPayload> {
  const result = await inventory.subgraph.query<{ identityDecommission: DecommissionPayload | null }>(
    `mutation($input: IdentityDecommissionInput!) {
       identityDecommission(input: $input) {
         identity { id status decommissionedBy decommissionReason }
         userErrors { field message code }
         clientMutationId
       }
     }`,
    { input },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.identityDecommission!;
}

/** A fresh identity's platform id. */
async function ingested(): Promise<string> {
  const externalId = unique('role');
  await client.ingest('estate', [{ provider: 'aws', externalId, kind: 'role', name: externalId }]);
  return (await client.identity('aws', externalId))!.id;
}

describe('identityDecommission', () => {
  it('decommissions with a reason, echoes the clientMutationId, and returns the identity unchanged on a repeat', async () => {
    const id = await ingested();

    const first = await identityDecommission({ id, reason: 'replaced by a workload identity', clientMutationId: 'd-1' });
    const repeat = await identityDecommission({ id, reason: 'a retry with other words' });

    const decommissioned = {
      id,
      status: 'DECOMMISSIONED',
      decommissionedBy: 'test-admin',
      decommissionReason: 'replaced by a workload identity',
    };
    expect(first).toEqual({ identity: decommissioned, userErrors: [], clientMutationId: 'd-1' });
    expect(repeat).toEqual({ identity: decommissioned, userErrors: [], clientMutationId: null });
    expect((await client.eventTypes(id)).filter((type) => type === 'nhi.identity.decommissioned')).toHaveLength(1);
  });

  it('returns a blank reason as INVALID on reason and an unknown identity as NOT_FOUND on id, without quoting it', async () => {
    const id = await ingested();
    const unknown = randomUUID();

    const blank = await identityDecommission({ id, reason: '   ' });
    const missing = await identityDecommission({ id: unknown, reason: 'gone' });

    expect(blank).toMatchObject({ identity: null, userErrors: [{ field: ['reason'], code: 'INVALID' }] });
    expect(missing).toMatchObject({
      identity: null,
      userErrors: [{ field: ['id'], code: 'NOT_FOUND', message: 'no identity has this id' }],
    });
    expect(await inventory.subgraph.sql<{ status: string }>('SELECT status FROM identities WHERE id = $1', [id])).toEqual([
      { status: 'ACTIVE' },
    ]);
  });

  it('still answers the deprecated decommissionIdentity, which refuses a second decommission as before', async () => {
    const id = await ingested();
    const DECOMMISSION = 'mutation($id: ID!, $reason: String!) { decommissionIdentity(id: $id, reason: $reason) { status } }';

    const first = await inventory.subgraph.query<{ decommissionIdentity: { status: string } }>(DECOMMISSION, { id, reason: 'old client' });
    const again = await inventory.subgraph.query(DECOMMISSION, { id, reason: 'old client' });

    expect(first.data?.decommissionIdentity).toEqual({ status: 'DECOMMISSIONED' });
    expect(again.errors?.[0]).toMatchObject({
      message: expect.stringMatching(/^this identity was already decommissioned on .* by test-admin/),
      extensions: { code: 'BAD_USER_INPUT' },
    });
  });
});
