import type { SelectQueryBuilder } from 'typeorm';
import { andEachWordIn, andHasTags } from '@nhi/persistence';
import type { IdentityOwnershipEntity } from '../identity-data/identity-ownership.entity';

/** Conditions on what ownership knows of an identity, beside the page's scope. */
export interface IdentityPageFilter {
  kind?: readonly string[] | null;
  environment?: readonly string[] | null;
  provider?: readonly string[] | null;
  /** Every one of these tags (a key alone: any value). */
  tags?: ReadonlyArray<{ key: string; value?: string | null }> | null;
  /** Words each in the name or the external id, case-insensitively. */
  search?: string | null;
  notAttestedSince?: Date | null;
}

/** Adds the filter's conditions to a query over identity_ownership aliased `o`; every value is a bound parameter. */
export function applyIdentityPageFilter(query: SelectQueryBuilder<IdentityOwnershipEntity>, filter: IdentityPageFilter): void {
  const lists = { kind: 'o.kind', environment: 'o.environment', provider: 'o.provider' } as const;
  for (const [field, column] of Object.entries(lists) as Array<[keyof typeof lists, string]>) {
    const values = filter[field];
    if (values && values.length > 0) query.andWhere(`${column} = ANY(:${field})`, { [field]: [...values] });
  }
  andHasTags(query, 'o.tags', filter.tags);
  andEachWordIn(query, filter.search, ['o.name', 'o.external_id']);
  if (filter.notAttestedSince)
    query.andWhere('(o.last_attestation_at IS NULL OR o.last_attestation_at < :attestedSince)', { attestedSince: filter.notAttestedSince });
}
