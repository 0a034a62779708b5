import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import type { IdentityRegisteredData } from '@nhi/contracts';
import { KnownIdentityEntity } from '../known-identities/known-identity.entity';
import type { ExceptionStatus } from './exception-enums';
import { PolicyExceptionEntity } from './policy-exception.entity';

@Injectable()
export class ExceptionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async rememberIdentity(manager: EntityManager, identity: IdentityRegisteredData): Promise<void> {
    await manager
      .createQueryBuilder()
      .insert()
      .into(KnownIdentityEntity)
      .values({ identityId: identity.id, businessUnit: identity.businessUnit ?? null, registeredAt: new Date(identity.registeredAt) })
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
