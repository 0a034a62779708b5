import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { IdentityDiscoveredData, IdentityUpdatedData } from '@nhi/contracts';
import { KnownIdentityEntity } from './known-identity.entity';

/** Exceptions' view of identities: that they exist, their system and PRIMARY owner (what a selection selects on). */
@Injectable()
export class KnownIdentitiesService {
  async remember(manager: EntityManager, { identity, discoveredAt }: IdentityDiscoveredData): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(KnownIdentityEntity)
      .values({
        identityId: identity.id,
        businessUnit: identity.businessUnit,
        system: identity.system,
        ownerId: null,
        ownerPath: [],
        registeredAt: new Date(discoveredAt),
      })
      .orIgnore()
      .execute();
  }

  async update(manager: EntityManager, { identity }: IdentityUpdatedData): Promise<void> {
    await manager
      .getRepository(KnownIdentityEntity)
      .update({ identityId: identity.id }, { businessUnit: identity.businessUnit, system: identity.system });
  }

  async setOwner(
    manager: EntityManager,
    identityId: string,
    ownerId: string | null,
    ownerPath: string[],
    onlyIfOwner?: string,
  ): Promise<void> {
    await manager
      .getRepository(KnownIdentityEntity)
      .update(onlyIfOwner ? { identityId, ownerId: onlyIfOwner } : { identityId }, { ownerId, ownerPath });
  }
}
