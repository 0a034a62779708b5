import type { SelectQueryBuilder } from 'typeorm';
import { canonicalProvider } from '../normalisation/provider-aliases';
import { badInput, CURSOR_NOT_OURS, isUuid, OrderDirection } from '@nhi/graphql';
import { IdentityFilterInput, IdentityOrderField, IdentityOrderInput } from './dto/identity-filter.input';
import type { IdentityEntity } from '../identity-data/identity.entity';

const SORT_COLUMNS: Record<IdentityOrderField, string> = {
  [IdentityOrderField.NAME]: 'lower(i.name)',
  [IdentityOrderField.FIRST_SEEN_AT]: 'i.first_seen_at',
  [IdentityOrderField.LAST_SEEN_AT]: 'i.last_seen_at',
};

/** Applies an IdentityFilter to a query over identities aliased `i`. */
export function applyFilter(
  query: SelectQueryBuilder<IdentityEntity>,
  filter: IdentityFilterInput = {},
): SelectQueryBuilder<IdentityEntity> {
  if (filter.kind?.length) query.andWhere('i.kind IN (:...kinds)', { kinds: filter.kind });
  if (filter.provider?.length) query.andWhere('i.provider IN (:...providers)', { providers: filter.provider.map(canonicalProvider) });
  if (filter.environment?.length) query.andWhere('i.environment IN (:...environments)', { environments: filter.environment });
  if (filter.system?.length) query.andWhere('i.system IN (:...systems)', { systems: filter.system });
  if (filter.businessUnit?.length) query.andWhere('i.business_unit IN (:...units)', { units: filter.businessUnit });
  if (filter.status?.length) query.andWhere('i.status IN (:...statuses)', { statuses: filter.status });
  if (filter.nameContains) {
    query.andWhere(`lower(i.name) LIKE :name ESCAPE '\\'`, { name: `%${filter.nameContains.toLowerCase().replace(/[\\%_]/g, '\\$&')}%` });
  }
  if (filter.findingCategory?.length) {
    query.andWhere(
      'EXISTS (SELECT 1 FROM identity_findings f WHERE f.identity_id = i.id AND f.closed_at IS NULL AND f.category IN (:...categories))',
      { categories: filter.findingCategory },
    );
  }
  if (filter.source) {
    query.andWhere('EXISTS (SELECT 1 FROM identity_sightings s WHERE s.identity_id = i.id AND s.source = :source)', {
      source: filter.source.trim().toLowerCase(),
    });
  }
  return query;
}

export function sortColumn(order: IdentityOrderInput): string {
  return SORT_COLUMNS[order.field];
}

/** Keyset condition: rows after (sortKey, id) in the given order. */
export function applyAfter(
  query: SelectQueryBuilder<IdentityEntity>,
  order: IdentityOrderInput,
  after: { sortKey: string | number; id: string },
) {
  const column = sortColumn(order);
  const key = order.field === IdentityOrderField.NAME ? after.sortKey : new Date(after.sortKey);
  if (!isUuid(after.id) || (key instanceof Date && Number.isNaN(key.getTime()))) throw badInput(CURSOR_NOT_OURS, 'after');
  const op = order.direction === OrderDirection.ASC ? '>' : '<';
  return query.andWhere(`(${column}, i.id) ${op} (:afterKey, :afterId)`, { afterKey: key, afterId: after.id });
}

export function sortKeyOf(entity: IdentityEntity, order: IdentityOrderInput): string | number {
  switch (order.field) {
    case IdentityOrderField.NAME:
      return entity.name.toLowerCase();
    case IdentityOrderField.FIRST_SEEN_AT:
      return entity.firstSeenAt.toISOString();
    case IdentityOrderField.LAST_SEEN_AT:
      return entity.lastSeenAt.toISOString();
  }
}
