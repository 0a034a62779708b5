import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { IdentityDiscoveredData } from '@nhi/contracts';
import { KnownIdentityEntity } from '../known-identities/known-identity.entity';
import type { ExceptionStatus } from './exception-enums';
import { PolicyExceptionEntity } from './policy-exception.entity';

@Injectable()
export class ExceptionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async rememberIdentity(manager: EntityManager, { identity, discoveredAt }: IdentityDiscoveredData): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(KnownIdentityEntity)
      .values({ identityId: identity.id, businessUnit: identity.businessUnit, registeredAt: new Date(discoveredAt) })
      .orIgnore()
      .execute();
  }

  /** Exceptions of many identities in one query, newest first. */
  exceptionsOf(identityIds: readonly string[], status?: ExceptionStatus): Promise<PolicyExceptionEntity[]> {
    return this.dataSource.getRepository(PolicyExceptionEntity).find({
      where: { identityId: In([...identityIds]), ...(status ? { status } : {}) },
      order: { requestedAt: 'DESC' },
    });
  }
}
