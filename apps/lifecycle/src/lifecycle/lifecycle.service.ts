import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { IdentityLifecycleEntity } from '../identity-data/identity-lifecycle.entity';
import { RevocationRequestEntity } from '../requests/revocation-request.entity';
import { RotationRequestEntity } from '../requests/rotation-request.entity';

@Injectable()
export class LifecycleService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  lifecycles(identityIds: readonly string[]): Promise<IdentityLifecycleEntity[]> {
    return this.dataSource.getRepository(IdentityLifecycleEntity).find({ where: { identityId: In([...identityIds]) } });
  }

  /** The latest rotation requests of many identities in one query. */
  rotations(identityIds: readonly string[], perIdentity: number): Promise<RotationRequestEntity[]> {
    // The newest n per identity in one pass over the identity index (a count of newer rows per row was quadratic).
    return this.dataSource
      .getRepository(RotationRequestEntity)
      .createQueryBuilder('r')
      .where(
        `r.id IN (SELECT id FROM (
           SELECT id, row_number() OVER (PARTITION BY identity_id ORDER BY requested_at DESC, id DESC) AS n
           FROM rotation_requests WHERE identity_id = ANY(:ids)) newest WHERE n <= :n)`,
        { ids: [...identityIds], n: perIdentity },
      )
      .orderBy('r.requested_at', 'DESC')
      .addOrderBy('r.id', 'DESC')
      .getMany();
  }

  latestRevocations(identityIds: readonly string[]): Promise<RevocationRequestEntity[]> {
    return this.dataSource
      .getRepository(RevocationRequestEntity)
      .createQueryBuilder('r')
      .distinctOn(['r.identity_id'])
      .where('r.identity_id IN (:...ids)', { ids: [...identityIds] })
      .orderBy('r.identity_id')
      .addOrderBy('r.requested_at', 'DESC')
      .getMany();
  }
}
