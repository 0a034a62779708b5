import { waitFor } from '@nhi/testing';
import { ownershipSpec } from '../support/ownership-spec';
import { uniqueNames } from '../support/unique-names';

const spec = ownershipSpec('ownership_identity_lists');

const unique = uniqueNames();

interface IdentityLists {
  id: string;
  ownershipHistory: {
    totalCount: number;
    edges: Array<{ node: { change: string; role: string; owner: { externalRef: string } | null } }>;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  } | null;
  suggestions: Array<{ status: string; owner: { externalRef: string } | null; identity: { id: string } | null }> | null;
}

/** The identities as the gateway asks for them when a page lists several: one _entities call. */
async function identities(ids: string[], first: number, after: string | null = null) {
  const result = await spec.subgraph.query<{ _entities: IdentityLists[] }>(
    `query($r: [_Any!]!, $first: Int, $after: String) { _entities(representations: $r) { ... on NonHumanIdentity {
       id
       ownershipHistory(first: $first, after: $after) {
         totalCount edges { node { change role owner { externalRef } } } pageInfo { hasNextPage endCursor }
       }
       suggestions { status owner { externalRef } identity { id } }
     } } }`,
    { r: ids.map((id) => ({ __typename: 'NonHumanIdentity', id })), first, after },
  );
  expect(result.errors).toBeUndefined();
  return result.data!._entities;
}

describe('ownership lists on the identity', () => {
  it("pages each identity's own ownership history, oldest first, with its total", async () => {
    const team = await spec.client.owner({ externalRef: unique('team'), kind: 'TEAM', name: 'Payments' });
    const backup = await spec.client.owner({ externalRef: unique('backup'), kind: 'PERSON', name: 'Ada' });
    const [busy, quiet, untouched] = [await spec.client.discovered(), await spec.client.discovered(), await spec.client.discovered()];
    await spec.client.assign({ identityId: busy, ownerId: team.id });
    await spec.client.assign({ identityId: busy, ownerId: backup.id, role: 'BACKUP' });
    await spec.client.assign({ identityId: quiet, ownerId: backup.id });

    const [first, second, third] = await identities([busy, quiet, untouched], 1);
    expect(first?.ownershipHistory?.totalCount).toBe(2);
    expect(first?.ownershipHistory?.edges.map((e) => [e.node.role, e.node.owner?.externalRef])).toEqual([['PRIMARY', team.externalRef]]);
    expect(first?.ownershipHistory?.pageInfo.hasNextPage).toBe(true);
    expect(second?.ownershipHistory?.edges.map((e) => e.node.owner?.externalRef)).toEqual([backup.externalRef]);
    expect(second?.ownershipHistory?.pageInfo.hasNextPage).toBe(false);
    expect(third?.ownershipHistory).toEqual({ totalCount: 0, edges: [], pageInfo: { hasNextPage: false, endCursor: null } });

    const [next] = await identities([busy], 1, first!.ownershipHistory!.pageInfo.endCursor);
    expect(next?.ownershipHistory?.edges.map((e) => [e.node.role, e.node.owner?.externalRef])).toEqual([['BACKUP', backup.externalRef]]);
    expect(next?.ownershipHistory?.pageInfo.hasNextPage).toBe(false);
  });

  it('lists the suggestions of each identity, and the deprecated root queries still answer the same', async () => {
    const system = unique('crm');
    const team = await spec.client.owner({ externalRef: unique('team-crm'), kind: 'TEAM', name: 'CRM' });
    const created = await spec.subgraph.query<{ createOwnershipRule: { id: string } }>(
      'mutation($input: OwnershipRuleInput!) { createOwnershipRule(input: $input) { id } }',
      { input: { name: unique('crm hint'), ownerId: team.id, system, mode: 'SUGGEST' } },
    );
    expect(created.errors).toBeUndefined();
    const suggested = await spec.client.discovered({ system });
    const other = await spec.client.discovered({ system: unique('elsewhere') });

    const [withSuggestion, without] = await waitFor(async () => {
      const found = await identities([suggested, other], 5);
      return found[0]?.suggestions?.length === 1 && found;
    });
    expect(withSuggestion?.suggestions).toEqual([
      { status: 'PENDING', owner: { externalRef: team.externalRef }, identity: { id: suggested } },
    ]);
    expect(without?.suggestions).toEqual([]);

    const root = await spec.subgraph.query<{ ownershipSuggestions: Array<{ status: string }> }>(
      'query($id: ID!) { ownershipSuggestions(identityId: $id) { status } }',
      { id: suggested },
    );
    expect(root.data?.ownershipSuggestions).toEqual([{ status: 'PENDING' }]);
    await spec.client.assign({ identityId: other, ownerId: team.id });
    expect((await spec.client.history(other)).map((change) => change.owner?.externalRef)).toEqual([team.externalRef]);
  });

  it('refuses a history cursor it did not issue, on the field only', async () => {
    const id = await spec.client.discovered();
    const result = await spec.subgraph.query<{ _entities: IdentityLists[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on NonHumanIdentity { id ownershipHistory(after: "bm90LWEtY3Vyc29y") { totalCount } } } }`,
      { r: [{ __typename: 'NonHumanIdentity', id }] },
    );
    expect(result.errors?.[0]?.message).toMatch(/after is not a cursor this API issued/);
    expect(result.data?._entities[0]).toEqual({ id, ownershipHistory: null });
  });
});
