import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, SelectQueryBuilder } from 'typeorm';
import { PeriodicJob, runExclusively } from '@nhi/runtime';
import { canonicalProvider } from '../normalisation/provider-aliases';
import type { IdentityFilterInput } from './dto/identity-filter.input';
import type { IdentityEntity } from '../identity-data/identity.entity';

/** How often the appended counts are folded into one row per key. */
export const COUNTS_FOLD_INTERVAL_MS = 60_000;

/**
 * Folds the appended rows into one per key, in one statement. Rows appended meanwhile are not in its
 * snapshot and stay; a second fold at once (another instance) waits, then skips the rows this one took.
 */
export const FOLD_COUNTS_SQL = `
  WITH taken AS (DELETE FROM identity_count_deltas RETURNING kind, provider, environment, business_unit, status, n)
  INSERT INTO identity_count_deltas (kind, provider, environment, business_unit, status, n)
  SELECT kind, provider, environment, business_unit, status, sum(n) FROM taken
  GROUP BY kind, provider, environment, business_unit, status HAVING sum(n) <> 0`;

/** The filters identity_count_deltas is kept by (migration 1767100000000); any other needs a real count. */
const COUNTED: ReadonlyArray<[keyof IdentityFilterInput, string]> = [
  ['kind', 'kind'],
  ['provider', 'provider'],
  ['environment', 'environment'],
  ['businessUnit', 'business_unit'],
  ['status', 'status'],
];

/**
 * Identities matching a filter, exactly. A filter on kind, provider, environment,
 * business unit and status only (the inventory page's facets, and no filter at
 * all) sums the appended counts: a few hundred rows, not a million. Any other
 * (a name, a system, a finding, a source) counts the matching rows.
 */
@Injectable()
export class IdentityCounts extends PeriodicJob {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    super('identity counts fold', COUNTS_FOLD_INTERVAL_MS, new Logger('IdentityCounts'));
  }

  async total(filter: IdentityFilterInput, matching: SelectQueryBuilder<IdentityEntity>): Promise<number> {
    const other = Object.entries(filter).some(
      ([name, value]) => value !== undefined && value !== null && !COUNTED.some(([counted]) => counted === name),
    );
    if (other) return matching.getCount();
    const conditions: string[] = [];
    const parameters: unknown[] = [];
    for (const [name, column] of COUNTED) {
      const values = filter[name] as string[] | undefined | null;
      if (!values?.length) continue;
      parameters.push(name === 'provider' ? values.map(canonicalProvider) : values);
      conditions.push(`${column} = ANY($${parameters.length})`);
    }
    const [row] = await this.dataSource.query(
      `SELECT coalesce(sum(n), 0)::bigint AS total FROM identity_count_deltas ${conditions.length ? `WHERE ${conditions.join(' AND ')}` : ''}`,
      parameters,
    );
    return Number(row?.total ?? 0);
  }

  /** A fold keeps every sum, so two at once would be harmless; the lock only spares the second its wait on the first. */
  async run(): Promise<void> {
    await runExclusively(this.dataSource, 'nhi.identity-counts-fold', (manager) => manager.query(FOLD_COUNTS_SQL));
  }
}
