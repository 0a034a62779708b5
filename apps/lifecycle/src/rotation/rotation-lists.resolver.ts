import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CanRead } from '@nhi/auth';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { filterId, queuePage, sortedQueue, type QueueSortKey } from '@nhi/persistence';
import { IdentityLifecycleEntity } from '../identity-data/identity-lifecycle.entity';
import { LifecycleIdentityConnectionModel } from './lifecycle-identity-connection.model';
import { RotationQueueFilterInput, RotationQueueOrderField, RotationQueueOrderInput } from './rotation-queue-filter.input';

const FILTER = {
  type: () => RotationQueueFilterInput,
  nullable: true,
  description: 'Which identities; the whole estate when left out.',
} as const;

const ORDER_BY = {
  type: () => RotationQueueOrderInput,
  nullable: true,
  description: 'The order; soonest due first when left out.',
} as const;

const PRIVILEGE_LEVELS = ['LOW', 'MEDIUM', 'HIGH', 'ADMIN'];

const SORT_KEYS: Record<RotationQueueOrderField, QueueSortKey<IdentityLifecycleEntity>> = {
  // Identities without a due date sort last and are never after a cursor: the lists hold only dated ones.
  DUE_AT: { column: 'l.next_rotation_due_at', of: (row) => row.nextRotationDueAt ?? new Date(0) },
  // The level's rank, 1 (LOW) to 4 (ADMIN), 0 when unknown; the literal list is ours, never input.
  PRIVILEGE_LEVEL: {
    column: `coalesce(array_position(ARRAY[${PRIVILEGE_LEVELS.map((level) => `'${level}'`).join(', ')}]::text[], l.privilege_level), 0)`,
    of: (row) => PRIVILEGE_LEVELS.indexOf(row.privilegeLevel ?? '') + 1,
    numeric: true,
  },
};

type RotationList = 'due' | 'overdue' | 'failed';

/** Which identities each list holds: due now, past due and still not rotated, or out of attempts. */
const CONDITIONS: Record<RotationList, string> = {
  due: "l.state = 'ROTATION_DUE'",
  overdue: "l.state IN ('ROTATION_DUE', 'ROTATING', 'ROTATION_FAILED') AND l.next_rotation_due_at < now()",
  failed: "l.state = 'ROTATION_FAILED'",
};

@CanRead()
@Resolver(() => LifecycleIdentityConnectionModel)
export class RotationListsResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @Query(() => LifecycleIdentityConnectionModel, { description: 'Identities due for rotation now, soonest due first or in orderBy.' })
  dueRotations(
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 500; null for 50.' }) first: number | null,
    @Args('after', { type: () => String, nullable: true, description: "The previous page's endCursor; null for the first page." })
    after: string | null,
    @Args('filter', FILTER) filter?: RotationQueueFilterInput | null,
    @Args('orderBy', ORDER_BY) orderBy?: RotationQueueOrderInput | null,
  ): Promise<LifecycleIdentityConnectionModel> {
    return this.page('due', first, after, filter ?? null, orderBy ?? null);
  }

  @Query(() => LifecycleIdentityConnectionModel, {
    description: 'Identities past their due date and still not rotated, longest overdue first or in orderBy.',
  })
  overdueRotations(
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 500; null for 50.' }) first: number | null,
    @Args('after', { type: () => String, nullable: true, description: "The previous page's endCursor; null for the first page." })
    after: string | null,
    @Args('filter', FILTER) filter?: RotationQueueFilterInput | null,
    @Args('orderBy', ORDER_BY) orderBy?: RotationQueueOrderInput | null,
  ): Promise<LifecycleIdentityConnectionModel> {
    return this.page('overdue', first, after, filter ?? null, orderBy ?? null);
  }

  @Query(() => LifecycleIdentityConnectionModel, {
    description: 'Identities whose rotation failed after every attempt, by due date or in orderBy.',
  })
  failedRotations(
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 500; null for 50.' }) first: number | null,
    @Args('after', { type: () => String, nullable: true, description: "The previous page's endCursor; null for the first page." })
    after: string | null,
    @Args('filter', FILTER) filter?: RotationQueueFilterInput | null,
    @Args('orderBy', ORDER_BY) orderBy?: RotationQueueOrderInput | null,
  ): Promise<LifecycleIdentityConnectionModel> {
    return this.page('failed', first, after, filter ?? null, orderBy ?? null);
  }

  @ResolveField(() => Int, { description: 'Identities in the list, on all pages.' })
  totalCount(@Parent() connection: LifecycleIdentityConnectionModel): Promise<number> {
    return connection.count();
  }

  private async page(
    list: RotationList,
    first: number | null,
    after: string | null,
    filter: RotationQueueFilterInput | null,
    orderBy: RotationQueueOrderInput | null,
  ): Promise<LifecycleIdentityConnectionModel> {
    const query = this.dataSource.getRepository(IdentityLifecycleEntity).createQueryBuilder('l').where(CONDITIONS[list]);
    const ownerId = filterId(filter?.ownerId, 'filter.ownerId');
    if (filter?.businessUnit) query.andWhere('l.business_unit = :businessUnit', { businessUnit: filter.businessUnit });
    if (ownerId) query.andWhere('l.owner_id = :ownerId', { ownerId });
    const id = { column: 'l.identity_id', of: (row: IdentityLifecycleEntity) => row.identityId };
    const order = sortedQueue(SORT_KEYS, id, orderBy, RotationQueueOrderField.DUE_AT);
    const page = await queuePage(query, order, first, after);
    return {
      edges: page.edges.map(({ node, cursor }) => ({ node: { id: node.identityId }, cursor })),
      pageInfo: page.pageInfo,
      count: page.count,
    };
  }
}
