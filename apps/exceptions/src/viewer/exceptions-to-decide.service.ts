import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import type { Actor } from '@nhi/auth';
import { pageSize } from '@nhi/graphql';
import { APPROVER_ROLE } from '../exceptions/exception-decisions.service';
import { PolicyExceptionEntity } from '../exceptions/policy-exception.entity';

/** The approver's queue as one approver sees it: what the decision rules would let this actor decide now. */
@Injectable()
export class ExceptionsToDecideService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Undecided, unexpired requests of others, oldest first; none for an actor who may not approve. */
  async forActor(actor: Actor, first: number | null | undefined, now = new Date()): Promise<PolicyExceptionEntity[]> {
    const size = pageSize(first);
    if (!actor.roles.includes(APPROVER_ROLE)) return [];
    return this.dataSource
      .getRepository(PolicyExceptionEntity)
      .createQueryBuilder('e')
      .where("e.status = 'REQUESTED'")
      .andWhere('e.requested_by <> :sub', { sub: actor.sub })
      .andWhere('e.expires_at > :now', { now })
      .orderBy('e.requested_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .limit(size)
      .getMany();
  }
}
