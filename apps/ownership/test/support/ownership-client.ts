import type { Actor } from '@nhi/auth';
import { type SubgraphSpec, type SubgraphUnderTest, TEST_ADMIN } from '@nhi/testing';
import type { IdentitySnapshot } from '@nhi/contracts';

export interface OwnerView {
  id: string;
  externalRef: string;
  name: string;
  kind: string;
  active: boolean;
  parent: { externalRef: string } | null;
}

export interface IdentityOwnershipView {
  id: string;
  ownershipStatus: string;
  owner: { externalRef: string } | null;
  backupOwner: { externalRef: string } | null;
}

const OWNER_FIELDS = 'id externalRef name kind active parent { externalRef }';
const OWNERSHIP_FIELDS = 'id ownershipStatus owner { externalRef } backupOwner { externalRef }';

/** Calls the ownership subgraph as the gateway would, and feeds it identities the way inventory does. */
export class OwnershipClient {
  constructor(private readonly spec: Pick<SubgraphSpec, 'subgraph'>) {}

  /** Read at each call: a client is made when the suite is declared, before beforeAll starts the subgraph. */
  private get ownership(): SubgraphUnderTest {
    return this.spec.subgraph;
  }

  /** Publishes a discovered identity on inventory's topic and waits until ownership tracks it. */
  discovered(overrides: Partial<IdentitySnapshot> = {}): Promise<string> {
    return this.ownership.discover('identity_ownership', overrides);
  }

  async upsertOwner(input: Record<string, unknown>, actor: Actor = TEST_ADMIN) {
    return this.ownership.query<{ upsertOwner: OwnerView }>(
      `mutation($input: OwnerInput!) { upsertOwner(input: $input) { ${OWNER_FIELDS} } }`,
      { input },
      actor,
    );
  }

  async owner(input: Record<string, unknown>): Promise<OwnerView> {
    const result = await this.upsertOwner(input);
    if (!result.data) throw new Error(`upsertOwner failed: ${JSON.stringify(result.errors)}`);
    return result.data.upsertOwner;
  }

  async assign(variables: { identityId: string; ownerId: string; role?: string; reason?: string; replace?: boolean }) {
    return this.ownership.query<{ assignOwner: IdentityOwnershipView }>(
      `mutation($identityId: ID!, $ownerId: ID!, $role: OwnerRole, $reason: String, $replace: Boolean) {
         assignOwner(identityId: $identityId, ownerId: $ownerId, role: $role, reason: $reason, replace: $replace) { ${OWNERSHIP_FIELDS} }
       }`,
      { role: 'PRIMARY', ...variables },
    );
  }

  async deactivate(ownerId: string, reason: string) {
    return this.ownership.query<{ deactivateOwner: OwnerView }>(
      `mutation($ownerId: ID!, $reason: String!) { deactivateOwner(ownerId: $ownerId, reason: $reason) { ${OWNER_FIELDS} } }`,
      { ownerId, reason },
    );
  }

  async identity(id: string): Promise<IdentityOwnershipView | undefined> {
    const result = await this.ownership.query<{ _entities: IdentityOwnershipView[] }>(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on NonHumanIdentity { ${OWNERSHIP_FIELDS} } } }`,
      { r: [{ __typename: 'NonHumanIdentity', id }] },
    );
    return result.data?._entities[0];
  }

  async history(identityId: string) {
    const result = await this.ownership.query<{
      ownershipHistory: Array<{
        role: string;
        change: string;
        via: string | null;
        actor: string;
        reason: string | null;
        owner: { externalRef: string } | null;
        previousOwner: { externalRef: string } | null;
      }>;
    }>(
      `query($id: ID!) { ownershipHistory(identityId: $id) { role change via actor reason owner { externalRef } previousOwner { externalRef } } }`,
      { id: identityId },
    );
    return result.data?.ownershipHistory ?? [];
  }
}
