import type { SubgraphContext } from '@nhi/graphql';
import type { OwnerEntity } from '../owner-data/owner.entity';
import type { OwnersService } from '../owners/owners.service';
import type { IdentityPages } from '../identity-pages/identity-pages';
import type { IdentityOwnershipEntity } from '../identity-data/identity-ownership.entity';
import { ownersLoader } from '../owners/owners.loader';
import type { OwnershipRecord, OwnershipRecords } from './ownership-records';
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
  parentId: null,
  deactivatedAt: null,
  deactivationReason: null,
  directory: null,
  mergedIntoId: null,
  updatedAt: new Date(),
};

function fakeServices(rows: IdentityOwnershipEntity[]) {
  const records: OwnershipRecord[] = rows.map((row) => ({ row, owner: row.ownerId === team.id ? team : null, backupOwner: null }));
  return {
    records: { of: jest.fn(async (ids: readonly string[]) => records.filter((r) => ids.includes(r.row.identityId))) },
    owners: { byIds: jest.fn(async (ids: readonly string[]) => [team].filter((o) => ids.includes(o.id))) },
  };
}

function record(identityId: string, ownerId: string | null): IdentityOwnershipEntity {
  return {
    identityId,
    ownerId,
    backupOwnerId: null,
    status: ownerId ? 'OWNED' : 'UNASSIGNED',
    lastAttestationAt: null,
    orphanedAt: null,
    escalatedAt: null,
    revocationRequestedAt: null,
    businessUnit: null,
    name: null,
    kind: null,
    provider: null,
    externalId: null,
    system: null,
    environment: null,
    tags: {},
    identityStatus: 'ACTIVE',
    updatedAt: new Date(),
  };
}

describe('OwnershipResolver', () => {
  it('loads the ownership of many identities with their owners in one call, and the owners serve later lookups', async () => {
    const service = fakeServices([record('i-1', 'o-1'), record('i-2', null)]);
    const resolver = new OwnershipResolver(
      {} as OwnershipService,
      service.owners as unknown as OwnersService,
      {} as IdentityPages,
      service.records as unknown as OwnershipRecords,
    );
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
    expect(service.records.of).toHaveBeenCalledTimes(1);
    expect(service.records.of).toHaveBeenCalledWith(['i-1', 'i-2', 'i-3']);
    // The join brought the owner: neither the field nor a later lookup in the request loads it again.
    expect(await ownersLoader(context, service.owners as unknown as OwnersService).load('o-1')).toBe(team);
    expect(service.owners.byIds).not.toHaveBeenCalled();
  });
});
