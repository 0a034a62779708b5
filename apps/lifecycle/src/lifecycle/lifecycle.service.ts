import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { IdentityLifecycleModel } from '../identity-data/identity-lifecycle.model';
import { RevocationRequestEntity } from '../requests/revocation-request.entity';
import { RotationRequestEntity } from '../requests/rotation-request.entity';

@Injectable()
export class LifecycleService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * What the graph shows of many identities' lifecycles, in one statement: only the model's columns (not the
   * credentials list, which can be long), and `= ANY(array)`, one parameter where `IN (...)` binds one per id.
   */
  lifecycles(identityIds: readonly string[]): Promise<IdentityLifecycleModel[]> {
    return this.dataSource.query(
      `SELECT identity_id AS "identityId", policy_id AS "policyId", state, last_rotated_at AS "lastRotatedAt",
              next_rotation_due_at AS "nextRotationDueAt", rotation_held_since AS "rotationHeldSince",
              revocation_held_reason AS "revocationHeldReason", owner_path AS "ownerPath"
       FROM identity_lifecycle WHERE identity_id = ANY($1)`,
      [[...identityIds]],
    );
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
