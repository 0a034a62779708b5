import type { GovernanceFigures } from './governance-figures';

/** Identities of a business unit and of a kind, each when given. */
export interface Scope {
  businessUnit?: string | null;
  kind?: string | null;
}

/** Everything governanceSummary shows of a scope. */
export interface ScopeSummary {
  figures: GovernanceFigures;
  byKind: Array<{ key: string; count: number }>;
  byEnvironment: Array<{ key: string; count: number }>;
  byProvider: Array<{ key: string; count: number }>;
  /** Median hours from a revocation's first request to the credential revoked, over every identity ever revoked in scope. */
  revocationLeadTimeHoursP50: number | null;
  /** Approved exceptions expiring within EXPIRING_WITHIN_DAYS, and exceptions that expired. */
  exceptions: { expiring: number; expired: number };
  /** Open findings by category, every category listed. */
  openFindings: Array<{ category: string; count: number }>;
  /** The time of the newest event the numbers of this scope include. */
  asOf: Date;
}

/** What the governance API reads, for a scope and as of a time (ages and windows are measured from it). */
export interface GovernanceReads {
  figures(scope: Scope, at: Date): Promise<GovernanceFigures>;
  /** Each business unit's figures (null: identities without one), in name order. */
  figuresByBusinessUnit(at: Date): Promise<Array<{ businessUnit: string | null; figures: GovernanceFigures }>>;
  summary(scope: Scope, at: Date): Promise<ScopeSummary>;
}

/**
 * `AND` conditions restricting table `alias` to the scope, with their
 * parameters numbered from `first`: written out rather than `$1 IS NULL OR`,
 * so that PostgreSQL can use an index on the column.
 */
export function scopeFilter(alias: string, scope: Scope, first: number): { sql: string; params: string[] } {
  const params: string[] = [];
  let sql = '';
  if (scope.businessUnit) {
    params.push(scope.businessUnit);
    sql += ` AND ${alias}.business_unit = $${first + params.length - 1}`;
  }
  if (scope.kind) {
    params.push(scope.kind);
    sql += ` AND ${alias}.kind = $${first + params.length - 1}`;
  }
  return { sql, params };
}

/**
 * `AND` conditions restricting governance_counts (`c`) to the scope's rows:
 * its own rollup level, so that a scope reads the rows of its business unit
 * and kind only, already summed. `by` keeps a dimension the caller groups by.
 */
export function countsFilter(scope: Scope, first: number, by: { unit?: boolean; kind?: boolean } = {}): { sql: string; params: string[] } {
  const unit = Boolean(scope.businessUnit) || by.unit === true;
  const kind = Boolean(scope.kind) || by.kind === true;
  if (scope.businessUnit && scope.kind) {
    // governance_counts keeps only live identities per unit and kind; no query of the API asks for more.
    throw new Error('the running totals do not keep figures for a business unit and a kind at once: ask for one of them');
  }
  const rollup = unit ? (kind ? 'unit-kind' : 'unit') : kind ? 'kind' : 'all';
  const filter = scopeFilter('c', scope, first);
  return { sql: ` AND c.rollup = '${rollup}'${filter.sql}`, params: filter.params };
}
