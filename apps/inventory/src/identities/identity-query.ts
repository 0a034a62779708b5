import type { SelectQueryBuilder } from 'typeorm';
import { canonicalProvider } from '../normalisation/provider-aliases';
import { badInput, CURSOR_NOT_OURS, isUuid, OrderDirection } from '@nhi/graphql';
import { andEachWordIn, andHasTags } from '@nhi/persistence';
import { IdentityFilterInput, IdentityOrderField, IdentityOrderInput } from './dto/identity-filter.input';
import type { IdentityEntity } from '../identity-data/identity.entity';
import type { Severity } from '@nhi/contracts';

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
  if (filter.privilegeLevel?.length) query.andWhere('i.privilege_level IN (:...levels)', { levels: filter.privilegeLevel });
  andHasTags(query, 'i.tags', filter.tags);
  if (filter.expiresAfter) query.andWhere('i.expires_at >= :expiresAfter', { expiresAfter: filter.expiresAfter });
  if (filter.expiresBefore) query.andWhere('i.expires_at < :expiresBefore', { expiresBefore: filter.expiresBefore });
  applyFindingFilter(query, filter);
  andEachWordIn(query, filter.search, ['i.name', 'i.external_id', TAG_HAYSTACK]);
  if (filter.source) {
    query.andWhere('EXISTS (SELECT 1 FROM identity_sightings s WHERE s.identity_id = i.id AND s.source = :source)', {
      source: filter.source.trim().toLowerCase(),
    });
  }
  return query;
}

const SEVERITIES: readonly Severity[] = ['LOW', 'MEDIUM', 'HIGH', 'CRITICAL'];

/** One open finding must match both the categories and the minimum severity, when both are given. */
function applyFindingFilter(query: SelectQueryBuilder<IdentityEntity>, filter: IdentityFilterInput): void {
  const conditions: string[] = [];
  if (filter.findingCategory?.length) conditions.push('f.category IN (:...categories)');
  if (filter.minFindingSeverity) conditions.push('f.severity IN (:...severities)');
  if (conditions.length === 0) return;
  query.andWhere(
    `EXISTS (SELECT 1 FROM identity_findings f WHERE f.identity_id = i.id AND f.closed_at IS NULL AND ${conditions.join(' AND ')})`,
    {
      categories: filter.findingCategory,
      severities: filter.minFindingSeverity ? SEVERITIES.slice(SEVERITIES.indexOf(filter.minFindingSeverity)) : undefined,
    },
  );
}

/** A tag matches a word as "key=value", so `env=prod` finds the tag env with the value prod. */
const TAG_HAYSTACK = (word: string) =>
  `EXISTS (SELECT 1 FROM jsonb_each_text(i.tags) t WHERE position(${word} in lower(t.key || '=' || t.value)) > 0)`;

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
