import { Args, Int, Parent, ResolveField, Resolver } from '@nestjs/graphql';
import { CanRead } from '@nhi/auth';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, pageOf, pageSize } from '@nhi/graphql';
import { OwnershipIdentityConnectionModel } from '../identity-pages/ownership-identity-connection.model';
import { HandoffItemEntity } from './handoff-item.entity';
import { HandoffModel } from './handoff.model';

/** A handoff can list a whole team's identities: a page at a time, by identity id, keyset-paged on (handoff_id, identity_id). */
@CanRead()
@Resolver(() => HandoffModel)
export class HandoffIdentitiesResolver {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  @ResolveField(() => OwnershipIdentityConnectionModel, {
    description: 'The identities it lists, a page at a time (the gateway adds their inventory fields); totalCount counts them all.',
  })
  async identitiesConnection(
    @Parent() handoff: HandoffModel,
    @Args('first', { type: () => Int, nullable: true, description: 'Page size, 1 to 500 (50 when left out).' }) first: number | null,
    @Args('after', { type: () => String, nullable: true, description: "The previous page's pageInfo.endCursor." }) after: string | null,
  ): Promise<OwnershipIdentityConnectionModel> {
    const size = pageSize(first);
    const items = this.dataSource.getRepository(HandoffItemEntity).createQueryBuilder('i').where('i.handoff_id = :id', { id: handoff.id });
    const count = items.clone();
    if (after) items.andWhere('i.identity_id > :after', { after: decodeCursor(after).id });
    const rows = await items
      .orderBy('i.identity_id', 'ASC')
      .limit(size + 1)
      .getMany();
    const page = pageOf(rows, size, after, (row) => encodeCursor(0, row.identityId));
    return {
      edges: page.edges.map(({ node, cursor }) => ({ node: { id: node.identityId }, cursor })),
      pageInfo: page.pageInfo,
      count: () => count.getCount(),
    };
  }
}
