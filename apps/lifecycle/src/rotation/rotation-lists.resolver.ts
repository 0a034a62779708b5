import { Args, Int, Parent, Query, ResolveField, Resolver } from '@nestjs/graphql';
import { CanRead } from '@nhi/auth';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, pageOf, pageSize } from '@nhi/graphql';
import { IdentityLifecycleEntity } from '../identity-data/identity-lifecycle.entity';
import { LifecycleIdentityConnectionModel } from './lifecycle-identity-connection.model';

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

  @Query(() => LifecycleIdentityConnectionModel, { description: 'Identities due for rotation now, soonest due first.' })
  dueRotations(
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 500; null for 50.' }) first: number | null,
    @Args('after', { type: () => String, nullable: true, description: "The previous page's endCursor; null for the first page." })
    after: string | null,
  ): Promise<LifecycleIdentityConnectionModel> {
    return this.page('due', first, after);
  }

  @Query(() => LifecycleIdentityConnectionModel, { description: 'Identities past their due date and still not rotated.' })
  overdueRotations(
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 500; null for 50.' }) first: number | null,
    @Args('after', { type: () => String, nullable: true, description: "The previous page's endCursor; null for the first page." })
    after: string | null,
  ): Promise<LifecycleIdentityConnectionModel> {
    return this.page('overdue', first, after);
  }

  @Query(() => LifecycleIdentityConnectionModel, { description: 'Identities whose rotation failed after every attempt.' })
  failedRotations(
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 500; null for 50.' }) first: number | null,
    @Args('after', { type: () => String, nullable: true, description: "The previous page's endCursor; null for the first page." })
    after: string | null,
  ): Promise<LifecycleIdentityConnectionModel> {
    return this.page('failed', first, after);
  }

  @ResolveField(() => Int, { description: 'Identities in the list, on all pages.' })
  totalCount(@Parent() connection: LifecycleIdentityConnectionModel): Promise<number> {
    return connection.count();
  }

  private async page(list: RotationList, first: number | null, after: string | null): Promise<LifecycleIdentityConnectionModel> {
    const size = pageSize(first);
    const query = this.dataSource.getRepository(IdentityLifecycleEntity).createQueryBuilder('l').where(CONDITIONS[list]);
    const count = query.clone();
    if (after) {
      const cursor = decodeCursor(after);
      query.andWhere('(l.next_rotation_due_at, l.identity_id) > (:due, :id)', { due: new Date(Number(cursor.sortKey)), id: cursor.id });
    }
    const rows = await query
      .orderBy('l.next_rotation_due_at', 'ASC')
      .addOrderBy('l.identity_id', 'ASC')
      .limit(size + 1)
      .getMany();
    const page = pageOf(rows, size, after, (row) => encodeCursor(row.nextRotationDueAt?.getTime() ?? 0, row.identityId));
    return {
      edges: page.edges.map(({ node, cursor }) => ({ node: { id: node.identityId }, cursor })),
      pageInfo: page.pageInfo,
      count: () => count.getCount(),
    };
  }
}
