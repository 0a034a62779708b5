import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { decodeCursor, encodeCursor, pageOf, pageSize } from '@nhi/graphql';
import { IdentityOwnershipEntity } from '../identity-data/identity-ownership.entity';
import type { OwnerRole } from '../identity-data/ownership-status';
import { applyIdentityPageFilter, type IdentityPageFilter } from './identity-page-filter';
import type { OwnershipIdentityConnectionModel } from './ownership-identity-connection.model';

/**
 * Which identities a page lists: an owner's (as PRIMARY), those any of several owners hold as PRIMARY or BACKUP
 * (a viewer's; in one role when given), or those in one ownership status. Decommissioned ones are left out.
 */
export type IdentityScope = { ownerId: string } | { heldByAny: string[]; role?: OwnerRole | null } | { status: 'ORPHANED' | 'UNASSIGNED' };

@Injectable()
export class IdentityPages {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async page(
    scope: IdentityScope,
    first: number | null | undefined,
    after: string | null | undefined,
    filter: IdentityPageFilter = {},
  ): Promise<OwnershipIdentityConnectionModel> {
    const size = pageSize(first);
    const query = this.dataSource
      .getRepository(IdentityOwnershipEntity)
      .createQueryBuilder('o')
      .where("o.identity_status <> 'DECOMMISSIONED'");
    if ('ownerId' in scope) query.andWhere('o.owner_id = :ownerId', { ownerId: scope.ownerId });
    else if ('heldByAny' in scope) query.andWhere(heldBy(scope.role), { heldBy: scope.heldByAny });
    else query.andWhere('o.status = :status', { status: scope.status });
    applyIdentityPageFilter(query, filter);
    const count = query.clone();
    if (after) query.andWhere('o.identity_id > :after', { after: decodeCursor(after).id });
    const rows = await query
      .orderBy('o.identity_id', 'ASC')
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

function heldBy(role: OwnerRole | null | undefined): string {
  if (role === 'PRIMARY') return 'o.owner_id = ANY(:heldBy)';
  if (role === 'BACKUP') return 'o.backup_owner_id = ANY(:heldBy)';
  return '(o.owner_id = ANY(:heldBy) OR o.backup_owner_id = ANY(:heldBy))';
}
