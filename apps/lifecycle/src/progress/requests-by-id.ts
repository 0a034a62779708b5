import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { UUID } from '../mass-actions/mass-selection';
import { RevocationRequestEntity } from '../requests/revocation-request.entity';
import { RotationRequestEntity } from '../requests/rotation-request.entity';

/** Rotation and revocation requests by their ids: one statement per table for every id a request asks for. */
@Injectable()
export class RequestsById {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  rotations(ids: readonly string[]): Promise<RotationRequestEntity[]> {
    return this.byIds(RotationRequestEntity, ids);
  }

  revocations(ids: readonly string[]): Promise<RevocationRequestEntity[]> {
    return this.byIds(RevocationRequestEntity, ids);
  }

  /** Request ids are UUIDs: anything else names no request, and must not reach a uuid column as a cast error. */
  private async byIds<R extends RotationRequestEntity | RevocationRequestEntity>(
    entity: new () => R,
    ids: readonly string[],
  ): Promise<R[]> {
    const wanted = [...new Set(ids.filter((id) => UUID.test(id)).map((id) => id.toLowerCase()))];
    if (wanted.length === 0) return [];
    return this.dataSource.getRepository(entity).createQueryBuilder('r').where('r.id = ANY(:ids)', { ids: wanted }).getMany();
  }
}
