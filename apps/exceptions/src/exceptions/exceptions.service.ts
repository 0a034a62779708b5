import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { badInput, decodeCursor, encodeCursor, Page, pageOf, pageSize } from '@nhi/graphql';
import type { ExceptionControl, ExceptionStatus } from './exception-enums';
import { ExceptionHistoryEntity } from './exception-history.entity';
import { PolicyExceptionEntity } from './policy-exception.entity';

const DAY_MS = 86_400_000;
export const MAX_EXPIRING_WITHIN_DAYS = 366;

export interface ExceptionCount {
  control: ExceptionControl;
  status: ExceptionStatus;
  count: number;
}

/** Reads: exceptions by identity, by id, pending, expiring, their history and counts. */
@Injectable()
export class ExceptionsService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get exceptions() {
    return this.dataSource.getRepository(PolicyExceptionEntity);
  }

  /** Exceptions of many identities in one query, newest first; `= ANY(array)` binds one parameter where `IN (...)` binds one per id. */
  exceptionsOf(identityIds: readonly string[], status?: ExceptionStatus): Promise<PolicyExceptionEntity[]> {
    const query = this.exceptions.createQueryBuilder('e').where('e.identity_id = ANY(:ids)', { ids: [...identityIds] });
    if (status) query.andWhere('e.status = :status', { status });
    return query.orderBy('e.requested_at', 'DESC').getMany();
  }

  byId(id: string): Promise<PolicyExceptionEntity | null> {
    return this.exceptions.findOne({ where: { id } });
  }

  /** Exceptions by id in one query, for the gateway's references from other subgraphs. */
  byIds(ids: readonly string[]): Promise<PolicyExceptionEntity[]> {
    return this.exceptions
      .createQueryBuilder('e')
      .where('e.id = ANY(:ids)', { ids: [...ids] })
      .getMany();
  }

  /** History entries of many exceptions in one query, oldest first. */
  historyOf(exceptionIds: readonly string[]): Promise<ExceptionHistoryEntity[]> {
    return this.dataSource
      .getRepository(ExceptionHistoryEntity)
      .find({ where: { exceptionId: In([...exceptionIds]) }, order: { at: 'ASC', id: 'ASC' } });
  }

  /** Requests waiting for a decision, oldest first: the approvers' queue. */
  async pending(first: number | null, after: string | null): Promise<Page<PolicyExceptionEntity>> {
    const size = pageSize(first);
    const query = this.exceptions.createQueryBuilder('e').where("e.status = 'REQUESTED'");
    if (after) {
      const cursor = decodeCursor(after);
      query.andWhere('(e.requested_at, e.id) > (:at, :id)', { at: new Date(Number(cursor.sortKey)), id: cursor.id });
    }
    const rows = await query
      .orderBy('e.requested_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .limit(size + 1)
      .getMany();
    return pageOf(rows, size, after, (row) => encodeCursor(row.requestedAt.getTime(), row.id));
  }

  /** Approved exceptions that expire within the coming days, soonest first. */
  expiring(withinDays: number, first: number | null, now = new Date()): Promise<PolicyExceptionEntity[]> {
    if (!Number.isInteger(withinDays) || withinDays < 0 || withinDays > MAX_EXPIRING_WITHIN_DAYS) {
      throw badInput(`withinDays must be a whole number of days from 0 to ${MAX_EXPIRING_WITHIN_DAYS}`, 'withinDays');
    }
    return this.exceptions
      .createQueryBuilder('e')
      .where("e.status = 'APPROVED' AND e.expires_at <= :until", { until: new Date(now.getTime() + withinDays * DAY_MS) })
      .orderBy('e.expires_at', 'ASC')
      .addOrderBy('e.id', 'ASC')
      .limit(pageSize(first))
      .getMany();
  }

  async counts(): Promise<ExceptionCount[]> {
    const rows: Array<{ control: ExceptionControl; status: ExceptionStatus; count: string }> = await this.dataSource.query(
      'SELECT control, status, count(*) AS count FROM policy_exceptions GROUP BY control, status ORDER BY control, status',
    );
    return rows.map((row) => ({ ...row, count: Number(row.count) }));
  }
}
