import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In, type SelectQueryBuilder } from 'typeorm';
import { badInput, Page, pageSize } from '@nhi/graphql';
import { filterId, queuePage, sortedQueue, type QueueSort, type QueueSortKey } from '@nhi/persistence';
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

/** Narrows an exception queue; fields combine with AND. */
export interface ExceptionQueueFilter {
  businessUnit?: string | null;
  ownerId?: string | null;
  control?: readonly ExceptionControl[] | null;
  expiresWithinDays?: number | null;
}

export type ExceptionSortField = 'REQUESTED_AT' | 'EXPIRES_AT';

const SORT_KEYS: Record<ExceptionSortField, QueueSortKey<PolicyExceptionEntity>> = {
  REQUESTED_AT: { column: 'e.requested_at', of: (row) => row.requestedAt },
  EXPIRES_AT: { column: 'e.expires_at', of: (row) => row.expiresAt },
};
const ID = { column: 'e.id', of: (row: PolicyExceptionEntity) => row.id };

export type ExceptionQueuePage = Page<PolicyExceptionEntity> & { count: () => Promise<number> };

/** The filter's identity scope and controls, on a query of policy_exceptions aliased `e`. */
function scoped(query: SelectQueryBuilder<PolicyExceptionEntity>, filter: ExceptionQueueFilter): SelectQueryBuilder<PolicyExceptionEntity> {
  if (filter.businessUnit) {
    query.andWhere('EXISTS (SELECT 1 FROM known_identities k WHERE k.identity_id = e.identity_id AND k.business_unit = :bu)', {
      bu: filter.businessUnit,
    });
  }
  const ownerId = filterId(filter.ownerId, 'filter.ownerId');
  if (ownerId) {
    query.andWhere('EXISTS (SELECT 1 FROM known_identities k WHERE k.identity_id = e.identity_id AND k.owner_id = :ownerId)', { ownerId });
  }
  if (filter.control && filter.control.length > 0) query.andWhere('e.control = ANY(:controls)', { controls: [...filter.control] });
  return query;
}

/** The latest expiry `days` from now includes, or a clear error naming `field`. */
function expiryLimit(days: number, field: string, now: Date): Date {
  if (!Number.isInteger(days) || days < 0 || days > MAX_EXPIRING_WITHIN_DAYS) {
    throw badInput(`${field} must be a whole number of days from 0 to ${MAX_EXPIRING_WITHIN_DAYS}`, field);
  }
  return new Date(now.getTime() + days * DAY_MS);
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

  /** Requests waiting for a decision, oldest first unless sorted otherwise: the approvers' queue. */
  pending(
    first: number | null,
    after: string | null,
    filter: ExceptionQueueFilter = {},
    sort: QueueSort<ExceptionSortField> | null = null,
  ): Promise<ExceptionQueuePage> {
    const query = scoped(this.exceptions.createQueryBuilder('e').where("e.status = 'REQUESTED'"), filter);
    return queuePage(query, sortedQueue(SORT_KEYS, ID, sort, 'REQUESTED_AT'), first, after);
  }

  /** Approved exceptions, soonest expiry first unless sorted otherwise; with expiresWithinDays, only those expiring within that many days. */
  approved(
    filter: ExceptionQueueFilter,
    first: number | null,
    after: string | null,
    sort: QueueSort<ExceptionSortField> | null = null,
    now = new Date(),
  ): Promise<ExceptionQueuePage> {
    const query = scoped(this.exceptions.createQueryBuilder('e').where("e.status = 'APPROVED'"), filter);
    if (filter.expiresWithinDays !== undefined && filter.expiresWithinDays !== null) {
      query.andWhere('e.expires_at <= :until', { until: expiryLimit(filter.expiresWithinDays, 'filter.expiresWithinDays', now) });
    }
    return queuePage(query, sortedQueue(SORT_KEYS, ID, sort, 'EXPIRES_AT'), first, after);
  }

  /** Approved exceptions that expire within the coming days, soonest first. */
  expiring(withinDays: number, first: number | null, now = new Date()): Promise<PolicyExceptionEntity[]> {
    return this.exceptions
      .createQueryBuilder('e')
      .where("e.status = 'APPROVED' AND e.expires_at <= :until", { until: expiryLimit(withinDays, 'withinDays', now) })
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
