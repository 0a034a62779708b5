import type { EntityManager } from 'typeorm';
import type { MetricsConfig } from '../metrics-config';
import { FINDING_CATEGORIES } from '@nhi/contracts';
import { emptyFigures, PENDING_WINDOW_DAYS, type GovernanceFigures } from './governance-figures';
import type { GovernanceReads, Scope, ScopeSummary } from './scope';

interface FigureRow {
  business_unit: string | null;
  total: number;
  owned: number;
  orphaned: number;
  attested: number;
  overdue: number;
  managed: number;
  with_system: number;
  with_privilege: number;
  age_p50: number | null;
  age_p90: number | null;
  open_exceptions: number;
  stale_pending: number;
  [category: string]: unknown;
}

/** Identities in scope: the live estate (not decommissioned) of a business unit and kind, if given. */
const SCOPE = `
  SELECT s.* FROM identity_facts s
  WHERE s.status <> 'DECOMMISSIONED' AND ($1::text IS NULL OR s.business_unit = $1) AND ($2::text IS NULL OR s.kind = $2)`;

/**
 * Counts the figures from the facts tables themselves, scanning every
 * identity of the scope: what the running totals (GovernanceReader) must
 * always agree with. Too slow to serve a dashboard at a million identities;
 * kept to check the totals against (tests, and an operator in doubt).
 */
export class GovernanceRecount implements GovernanceReads {
  constructor(
    private readonly db: Pick<EntityManager, 'query'>,
    private readonly config: MetricsConfig,
  ) {}

  async summary(scope: Scope, at: Date): Promise<ScopeSummary> {
    return {
      figures: await this.figures(scope, at),
      byKind: await this.countBy('kind', scope),
      byEnvironment: await this.countBy('environment', scope),
      byProvider: await this.countBy('provider', scope),
      revocationLeadTimeHoursP50: await this.revocationLeadTimeHoursP50(scope),
      exceptions: await this.exceptionCounts(scope, at),
      openFindings: await this.openFindings(scope),
      asOf: await this.asOf(scope),
    };
  }

  /** The figures of a scope. */
  async figures(scope: Scope, at: Date): Promise<GovernanceFigures> {
    const [row] = await this.figureRows(scope, at, false);
    return row ? this.toFigures(row) : emptyFigures();
  }

  /** The figures of each business unit (null: identities without one), in name order. */
  async figuresByBusinessUnit(at: Date): Promise<Array<{ businessUnit: string | null; figures: GovernanceFigures }>> {
    const rows = await this.figureRows({}, at, true);
    return rows.map((row) => ({ businessUnit: row.business_unit, figures: this.toFigures(row) }));
  }

  countBy(column: 'kind' | 'environment' | 'provider', scope: Scope): Promise<Array<{ key: string; count: number }>> {
    return this.db.query(
      `SELECT s.${column} AS key, count(*)::int AS count FROM (${SCOPE}) s GROUP BY s.${column} ORDER BY count DESC, key ASC`,
      [scope.businessUnit ?? null, scope.kind ?? null],
    );
  }

  /** Median hours from a revocation's first request to the credential revoked, over every identity ever revoked in scope. */
  async revocationLeadTimeHoursP50(scope: Scope): Promise<number | null> {
    const [row] = await this.db.query(
      `SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM l.revoked_at - l.revocation_requested_at) / 3600) AS p50
       FROM identity_facts s JOIN lifecycle_facts l USING (identity_id)
       WHERE l.revoked_at IS NOT NULL AND l.revocation_requested_at IS NOT NULL
         AND ($1::text IS NULL OR s.business_unit = $1) AND ($2::text IS NULL OR s.kind = $2)`,
      [scope.businessUnit ?? null, scope.kind ?? null],
    );
    return row?.p50 === null || row?.p50 === undefined ? null : Number(row.p50);
  }

  /** Approved exceptions expiring within EXPIRING_WITHIN_DAYS, and exceptions that expired. */
  async exceptionCounts(scope: Scope, at: Date): Promise<{ expiring: number; expired: number }> {
    const [row] = await this.db.query(
      `SELECT count(*) FILTER (WHERE e.status = 'APPROVED' AND e.expires_at > $3 AND e.expires_at <= $3 + make_interval(days => $4))::int AS expiring,
              count(*) FILTER (WHERE e.status = 'EXPIRED')::int AS expired
       FROM exception_facts e JOIN identity_facts s USING (identity_id)
       WHERE ($1::text IS NULL OR s.business_unit = $1) AND ($2::text IS NULL OR s.kind = $2)`,
      [scope.businessUnit ?? null, scope.kind ?? null, at, this.config.EXPIRING_WITHIN_DAYS],
    );
    return { expiring: row?.expiring ?? 0, expired: row?.expired ?? 0 };
  }

  /** Open findings by category, every category listed. */
  async openFindings(scope: Scope): Promise<Array<{ category: string; count: number }>> {
    const rows: Array<{ category: string; count: number }> = await this.db.query(
      `SELECT f.category, count(*)::int AS count FROM finding_facts f JOIN (${SCOPE}) s USING (identity_id)
       WHERE f.closed_at IS NULL GROUP BY f.category`,
      [scope.businessUnit ?? null, scope.kind ?? null],
    );
    return FINDING_CATEGORIES.map((category) => ({ category, count: rows.find((row) => row.category === category)?.count ?? 0 }));
  }

  /** The time of the newest event the numbers of this scope include. */
  async asOf(scope: Scope): Promise<Date> {
    const [row] = await this.db.query(
      `WITH s AS (SELECT identity_id, updated_at FROM identity_facts
                  WHERE ($1::text IS NULL OR business_unit = $1) AND ($2::text IS NULL OR kind = $2))
       SELECT greatest(
         (SELECT max(updated_at) FROM s),
         (SELECT max(o.updated_at) FROM ownership_facts o JOIN s USING (identity_id)),
         (SELECT max(l.updated_at) FROM lifecycle_facts l JOIN s USING (identity_id)),
         (SELECT max(f.updated_at) FROM finding_facts f JOIN s USING (identity_id)),
         (SELECT max(e.updated_at) FROM exception_facts e JOIN s USING (identity_id))) AS as_of`,
      [scope.businessUnit ?? null, scope.kind ?? null],
    );
    return row?.as_of ? new Date(row.as_of) : new Date(0);
  }

  private figureRows(scope: Scope, at: Date, byBusinessUnit: boolean): Promise<FigureRow[]> {
    const group = byBusinessUnit ? 's.business_unit' : 'NULL::text';
    const categories = FINDING_CATEGORIES.map(
      (category) => `count(*) FILTER (WHERE '${category}' = ANY(fi.categories))::int AS "${category}"`,
    ).join(',\n         ');
    return this.db.query(
      `WITH scope AS (${SCOPE}),
       findings AS (
         SELECT f.identity_id, array_agg(DISTINCT f.category) AS categories
         FROM finding_facts f JOIN scope USING (identity_id) WHERE f.closed_at IS NULL GROUP BY f.identity_id),
       exceptions AS (
         SELECT e.identity_id,
                count(*) FILTER (WHERE e.status IN ('REQUESTED', 'APPROVED') AND e.expires_at > $3) AS open,
                count(*) FILTER (WHERE e.status = 'REQUESTED' AND e.expires_at > $3
                                   AND e.requested_at < $3 - make_interval(days => ${PENDING_WINDOW_DAYS})) AS stale
         FROM exception_facts e JOIN scope USING (identity_id) GROUP BY e.identity_id)
       SELECT ${group} AS business_unit,
         count(*)::int AS total,
         count(*) FILTER (WHERE o.ownership_status = 'OWNED')::int AS owned,
         count(*) FILTER (WHERE o.ownership_status = 'ORPHANED')::int AS orphaned,
         count(*) FILTER (WHERE o.ownership_status = 'OWNED' AND o.last_attested_at > $3 - make_interval(days => $4))::int AS attested,
         count(*) FILTER (WHERE l.due_since IS NOT NULL AND l.due_since <= $3)::int AS overdue,
         count(*) FILTER (WHERE l.managed)::int AS managed,
         count(*) FILTER (WHERE s.system IS NOT NULL)::int AS with_system,
         count(*) FILTER (WHERE s.privilege_level IS NOT NULL)::int AS with_privilege,
         percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM $3 - coalesce(l.last_rotated_at, s.credential_created_at, s.registered_at)) / 86400) AS age_p50,
         percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM $3 - coalesce(l.last_rotated_at, s.credential_created_at, s.registered_at)) / 86400) AS age_p90,
         coalesce(sum(x.open), 0)::int AS open_exceptions,
         coalesce(sum(x.stale), 0)::int AS stale_pending,
         ${categories}
       FROM scope s
       LEFT JOIN ownership_facts o USING (identity_id)
       LEFT JOIN lifecycle_facts l USING (identity_id)
       LEFT JOIN findings fi USING (identity_id)
       LEFT JOIN exceptions x USING (identity_id)
       GROUP BY 1 ORDER BY 1 NULLS LAST`,
      [scope.businessUnit ?? null, scope.kind ?? null, at, this.config.ATTESTATION_WINDOW_DAYS],
    );
  }

  private toFigures(row: FigureRow): GovernanceFigures {
    const round = (days: number | null) => (days === null ? null : Math.round(Number(days) * 10) / 10);
    return {
      totalIdentities: row.total,
      owned: row.owned,
      orphaned: row.orphaned,
      unassigned: row.total - row.owned - row.orphaned,
      attested: row.attested,
      overdueRotations: row.overdue,
      managed: row.managed,
      withSystem: row.with_system,
      withPrivilegeLevel: row.with_privilege,
      credentialAgeDaysP50: round(row.age_p50),
      credentialAgeDaysP90: round(row.age_p90),
      openExceptions: row.open_exceptions,
      stalePendingExceptions: row.stale_pending,
      identitiesWithFindings: Object.fromEntries(FINDING_CATEGORIES.map((category) => [category, Number(row[category] ?? 0)])),
    };
  }
}
