import type { SubgraphContext } from '@nhi/graphql';
import type { OwnerEntity } from '../owners/owner.entity';
import type { IdentityOwnershipEntity } from './identity-ownership.entity';
import { OwnershipResolver } from './ownership.resolver';
import type { OwnershipService } from './ownership.service';

const team: OwnerEntity = {
  id: 'o-1',
  externalRef: 'team-payments',
  kind: 'TEAM',
  name: 'Payments',
  email: null,
  businessUnit: 'Payments',
  active: true,
};

function fakeService(records: IdentityOwnershipEntity[]) {
  return {
    ownershipOf: jest.fn(async (ids: readonly string[]) => records.filter((r) => ids.includes(r.identityId))),
    ownersByIds: jest.fn(async (ids: readonly string[]) => [team].filter((o) => ids.includes(o.id))),
  };
}

function record(identityId: string, ownerId: string | null): IdentityOwnershipEntity {
  return {
    identityId,
    ownerId,
    backupOwnerId: null,
    status: ownerId ? 'OWNED' : 'UNASSIGNED',
    lastAttestationAt: null,
    businessUnit: null,
    updatedAt: new Date(),
  };
}

describe('OwnershipResolver', () => {
  it('loads the ownership of many identities, and their owners, in one call each', async () => {
    const service = fakeService([record('i-1', 'o-1'), record('i-2', null)]);
    const resolver = new OwnershipResolver(service as unknown as OwnershipService);
    const context: SubgraphContext = { req: {} as SubgraphContext['req'], loaders: new Map() };

    const [owner1, owner2, status3] = await Promise.all([
      resolver.owner({ id: 'i-1' }, context),
      resolver.owner({ id: 'i-2' }, context),
      resolver.ownershipStatus({ id: 'i-3' }, context),
    ]);

    expect(owner1).toBe(team);
    expect(owner2).toBeNull();
    // Unknown to ownership yet: nobody owns it.
    expect(status3).toBe('UNASSIGNED');
    expect(service.ownershipOf).toHaveBeenCalledTimes(1);
    expect(service.ownershipOf).toHaveBeenCalledWith(['i-1', 'i-2', 'i-3']);
    expect(service.ownersByIds).toHaveBeenCalledTimes(1);
  });
});
