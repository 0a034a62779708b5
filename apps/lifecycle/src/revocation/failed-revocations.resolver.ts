import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CanRead } from '@nhi/auth';
import { filterId, queuePage, sortedQueue, type QueueSortKey } from '@nhi/persistence';
import { IdentityLifecycleEntity } from '../identity-data/identity-lifecycle.entity';
import { RevocationRequestEntity } from '../requests/revocation-request.entity';
import {
  FailedRevocationOrderField,
  FailedRevocationOrderInput,
  FailedRevocationsFilterInput,
  RevocationRequestConnectionModel,
} from './failed-revocations.types';

/** The queue's page size when `first` is left out (or null). */
const DEFAULT_FIRST = 20;

/**
 * A request is its identity's latest revocation when no revocation of the same identity was asked for after it
 * (a retry is a new request): the same request IdentityLifecycle.revocation shows. Served by the identity index.
 */
const LATEST = `NOT EXISTS (
  SELECT 1 FROM revocation_requests later
   WHERE later.identity_id = r.identity_id AND (later.requested_at, later.id) > (r.requested_at, r.id))`;

const SORT_KEYS: Record<FailedRevocationOrderField, QueueSortKey<RevocationRequestEntity>> = {
  // A FAILED request always has completed_at; the epoch only keeps the cursor's type.
  FAILED_AT: { column: 'r.completed_at', of: (row) => row.completedAt ?? new Date(0) },
  REQUESTED_AT: { column: 'r.requested_at', of: (row) => row.requestedAt },
};
const ID = { column: 'r.id', of: (row: RevocationRequestEntity) => row.id };

/**
 * The queue of revocations that failed (issue 22 item 5, "global queues scoped by business unit or owner"):
 * requests whose identity's latest revocation ended FAILED, oldest failure first, keyset-paged on
 * (completed_at, id) over the partial index of FAILED requests (migration 1768100000000).
 */
@CanRead()
@Resolver(() => RevocationRequestConnectionModel)
export class FailedRevocationsResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Query(() => RevocationRequestConnectionModel, {
    description:
      "Revocation requests whose identity's latest revocation failed (the integrator answered nhi.revocation.failed), oldest failure first or in orderBy, " +
      'optionally for one business unit or one owner: the queue of credentials still to be revoked by hand or asked for again. ' +
      'A failed attempt with a retry due stays until the retry starts (see nextAttemptAt); timed-out attempts are not listed.',
  })
  async failedRevocations(
    @Args('filter', {
      type: () => FailedRevocationsFilterInput,
      nullable: true,
      description: 'Which failed revocations; all of them when left out.',
    })
    filter: FailedRevocationsFilterInput | null,
    @Args('first', {
      type: () => Int,
      nullable: true,
      defaultValue: DEFAULT_FIRST,
      description: `Page size, 1 to 500; ${DEFAULT_FIRST} when left out.`,
    })
    first: number | null,
    @Args('after', { type: () => String, nullable: true, description: "The previous page's pageInfo.endCursor." }) after: string | null,
    @Args('orderBy', {
      type: () => FailedRevocationOrderInput,
      nullable: true,
      description: 'The order; oldest failure first when left out.',
    })
    orderBy: FailedRevocationOrderInput | null,
  ): Promise<RevocationRequestConnectionModel> {
    const ownerId = filterId(filter?.ownerId, 'filter.ownerId');
    const query = this.dataSource
      .getRepository(RevocationRequestEntity)
      .createQueryBuilder('r')
      .where("r.status = 'FAILED'")
      .andWhere(LATEST);
    if (filter?.businessUnit || ownerId) {
      query.innerJoin(IdentityLifecycleEntity, 'l', 'l.identity_id = r.identity_id');
      if (filter?.businessUnit) query.andWhere('l.business_unit = :businessUnit', { businessUnit: filter.businessUnit });
      if (ownerId) query.andWhere('l.owner_id = :ownerId', { ownerId });
    }
    const order = sortedQueue(SORT_KEYS, ID, orderBy, FailedRevocationOrderField.FAILED_AT);
    return queuePage(query, order, first ?? DEFAULT_FIRST, after);
  }

  @ResolveField(() => Int, { description: 'Requests in the list, on all pages.' })
  totalCount(@Parent() connection: RevocationRequestConnectionModel): Promise<number> {
    return connection.count();
  }
}
