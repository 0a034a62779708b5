import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { badInput, CURSOR_NOT_OURS, decodeCursor, encodeCursor, isUuid, type OrderInput, orderTag, pageOf, pageSize } from '@nhi/graphql';
import { IdentityOwnershipEntity } from '../identity-data/identity-ownership.entity';
import type { OwnerRole } from '../identity-data/ownership-status';
import { applyIdentityPageFilter, type IdentityPageFilter } from './identity-page-filter';
import type { OwnedIdentityOrderField } from './identity-page-order.input';
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
    order: OrderInput<OwnedIdentityOrderField> | null = null,
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
    const keyset = order ? byName(order.direction === 'DESC') : BY_ID;
    // Only a named order tags its cursors: those of the id order, issued before lists could be sorted, still page.
    const tag = order ? orderTag(order) : undefined;
    if (after) {
      const { sortKey, id } = decodeCursor(after, tag);
      if (!isUuid(id) || typeof sortKey !== keyset.cursorKey) throw badInput(CURSOR_NOT_OURS, 'after');
      query.andWhere(keyset.after, { afterKey: sortKey, afterId: id });
    }
    // The sort key comes back from PostgreSQL, so the cursor holds the database's lower-casing, not JavaScript's.
    if (keyset.key) query.addSelect(keyset.key, 'sort_key').orderBy(keyset.key, keyset.direction);
    const { entities, raw } = await query
      .addOrderBy('o.identity_id', keyset.direction)
      .limit(size + 1)
      .getRawAndEntities<{ o_identity_id: string; sort_key?: string }>();
    const keys = new Map(raw.map((row) => [row.o_identity_id, row.sort_key]));
    const page = pageOf(entities, size, after, (row) => encodeCursor(keys.get(row.identityId) ?? 0, row.identityId, tag));
    return {
      edges: page.edges.map(({ node, cursor }) => ({ node: { id: node.identityId }, cursor })),
      pageInfo: page.pageInfo,
      count: () => count.getCount(),
    };
  }
}

/**
 * One keyset order over identity_ownership `o`: the sort key's SQL (none for the id order), the condition past a
 * cursor, and the key's type in a cursor.
 */
interface Keyset {
  key?: string;
  direction: 'ASC' | 'DESC';
  after: string;
  cursorKey: 'string' | 'number';
}

// The id order's cursors hold 0 as their key, as they always have.
const BY_ID: Keyset = { direction: 'ASC', after: 'o.identity_id > :afterId', cursorKey: 'number' };

// The same expression as the index ix_identity_ownership_status_name.
const NAME_KEY = "lower(coalesce(o.name, ''))";

function byName(descending: boolean): Keyset {
  return {
    key: NAME_KEY,
    direction: descending ? 'DESC' : 'ASC',
    after: `(${NAME_KEY}, o.identity_id) ${descending ? '<' : '>'} (:afterKey, :afterId)`,
    cursorKey: 'string',
  };
}

function heldBy(role: OwnerRole | null | undefined): string {
  if (role === 'PRIMARY') return 'o.owner_id = ANY(:heldBy)';
  if (role === 'BACKUP') return 'o.backup_owner_id = ANY(:heldBy)';
  return '(o.owner_id = ANY(:heldBy) OR o.backup_owner_id = ANY(:heldBy))';
}
