import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { IdentityDiscoveredData } from '@nhi/contracts';
import { OwnerEntity } from '../owners/owner.entity';
import { IdentityOwnershipEntity } from './identity-ownership.entity';

@Injectable()
export class OwnershipService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** A newly registered identity starts without an owner until a rule or a person assigns one. */
  async track(manager: EntityManager, { identity, discoveredAt }: IdentityDiscoveredData): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(IdentityOwnershipEntity)
      .values({
        identityId: identity.id,
        ownerId: null,
        backupOwnerId: null,
        status: 'UNASSIGNED',
        lastAttestationAt: null,
        businessUnit: identity.businessUnit,
        updatedAt: new Date(discoveredAt),
      })
      .orIgnore()
      .execute();
  }

  ownershipOf(identityIds: readonly string[]): Promise<IdentityOwnershipEntity[]> {
    return this.dataSource.getRepository(IdentityOwnershipEntity).find({ where: { identityId: In([...identityIds]) } });
  }

  ownersByIds(ids: readonly string[]): Promise<OwnerEntity[]> {
    return this.dataSource.getRepository(OwnerEntity).find({ where: { id: In([...ids]) } });
  }
}
