import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { CanRead } from '@nhi/auth';
import { badInput, decodeCursor, encodeCursor, pageOf, pageSize } from '@nhi/graphql';
import { IdentityLifecycleEntity } from '../identity-data/identity-lifecycle.entity';
import { UUID } from '../mass-actions/mass-selection';
import { RevocationRequestEntity } from '../requests/revocation-request.entity';
import { FailedRevocationsFilterInput, RevocationRequestConnectionModel } from './failed-revocations.types';

/** The queue's page size when `first` is left out (or null). */
const DEFAULT_FIRST = 20;
const NOT_OURS = 'after is not a cursor this API issued; pass pageInfo.endCursor from the previous page';

/**
 * A request is its identity's latest revocation when no revocation of the same identity was asked for after it
 * (a retry is a new request): the same request IdentityLifecycle.revocation shows. Served by the identity index.
 */
const LATEST = `NOT EXISTS (
  SELECT 1 FROM revocation_requests later
   WHERE later.identity_id = r.identity_id AND (later.requested_at, later.id) > (r.requested_at, r.id))`;

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
      "Revocation requests whose identity's latest revocation failed (the integrator answered nhi.revocation.failed), oldest failure first, " +
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
  ): Promise<RevocationRequestConnectionModel> {
    const size = pageSize(first ?? DEFAULT_FIRST);
    const ownerId = filter?.ownerId?.trim() || null;
    // Owner ids are UUIDs: anything else must not reach the uuid column, whose cast error would quote it.
    if (ownerId && !UUID.test(ownerId)) throw badInput('filter.ownerId is not an owner id (a UUID)', 'filter.ownerId');

    const query = this.dataSource
      .getRepository(RevocationRequestEntity)
      .createQueryBuilder('r')
      .where("r.status = 'FAILED'")
      .andWhere(LATEST);
    if (filter?.businessUnit || ownerId) {
      query.innerJoin(IdentityLifecycleEntity, 'l', 'l.identity_id = r.identity_id');
      if (filter?.businessUnit) query.andWhere('l.business_unit = :businessUnit', { businessUnit: filter.businessUnit });
      if (ownerId) query.andWhere('l.owner_id = :ownerId', { ownerId: ownerId.toLowerCase() });
    }
    const count = query.clone();
    if (after) {
      const { sortKey, id } = decodeCursor(after);
      if (typeof sortKey !== 'number' || !Number.isFinite(sortKey) || !UUID.test(id)) throw badInput(NOT_OURS, 'after');
      query.andWhere('(r.completed_at, r.id) > (:failedAt, :cursorId)', { failedAt: new Date(sortKey), cursorId: id });
    }
    const rows = await query
      .orderBy('r.completed_at', 'ASC')
      .addOrderBy('r.id', 'ASC')
      .limit(size + 1)
      .getMany();
    const page = pageOf(rows, size, after, (row) => encodeCursor(row.completedAt?.getTime() ?? 0, row.id));
    return { ...page, count: () => count.getCount() };
  }

  @ResolveField(() => Int, { description: 'Requests in the list, on all pages.' })
  totalCount(@Parent() connection: RevocationRequestConnectionModel): Promise<number> {
    return connection.count();
  }
}
