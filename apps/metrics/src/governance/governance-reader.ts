import type { EntityManager } from 'typeorm';
import { addDays, dayKey, DAY_MS, locateRank, percentileRanks, startOfDay, sumBuckets, type Bucket } from '../counts/buckets';
import type { MetricsConfig } from '../metrics-config';
import { emptyFigures, FINDING_CATEGORIES, PENDING_WINDOW_DAYS, type GovernanceFigures } from './governance-figures';
import { countsFilter, scopeFilter, type GovernanceReads, type Scope } from './scope';

/** The measures a scope's figures are made of (governance_counts.measure). */
const FIGURE_MEASURES = [
  'identities',
  'owned',
  'orphaned',
  'managed',
  'with_system',
  'with_privilege',
  'attested',
  'overdue',
  'age',
  'finding_identities',
  'open_exceptions',
];

type Measures = Map<string, Bucket[]>;

interface Edges {
  attested: number;
  dueLaterToday: number;
  openExceptions: number;
  stalePending: number;
}

/**
 * Reads the figures from the running totals (governance_counts), for a scope
 * and as of a time (ages and windows are measured from it), inside the
 * transaction it is given (GovernanceReadService.snapshot). A figure over a
 * time window sums whole days from the totals and counts, exactly, only the
 * rows of the day the window starts or ends in; a percentile walks the daily
 * totals to the day that holds it and reads its value there. So a read costs
 * O(business units × kinds × days) rows, whatever the number of identities;
 * GovernanceRecount counts the same figures the slow way.
 */
export class GovernanceReader implements GovernanceReads {
  constructor(
    private readonly db: Pick<EntityManager, 'query'>,
    private readonly config: MetricsConfig,
  ) {}

  async figures(scope: Scope, at: Date): Promise<GovernanceFigures> {
    const [group] = await this.figureGroups(scope, at, false);
    if (!group) return emptyFigures();
    const ages = await this.agePercentiles(scope, at, group.measures.get('age') ?? []);
    return { ...group.figures, credentialAgeDaysP50: ages[0], credentialAgeDaysP90: ages[1] };
  }

  /** Each business unit's figures; credential-age percentiles are left out (null): adoption does not show them. */
  async figuresByBusinessUnit(at: Date): Promise<Array<{ businessUnit: string | null; figures: GovernanceFigures }>> {
    return (await this.figureGroups({}, at, true)).map(({ businessUnit, figures }) => ({ businessUnit, figures }));
  }

  async countBy(column: 'kind' | 'environment' | 'provider', scope: Scope): Promise<Array<{ key: string; count: number }>> {
    const filter = countsFilter(scope, 2, { kind: column === 'kind' });
    const [key, measure] = column === 'kind' ? ['c.kind', 'identities'] : ['c.bucket', column];
    return this.db.query(
      `SELECT ${key} AS key, sum(c.n)::int AS count FROM governance_counts c WHERE c.measure = $1${filter.sql}
       GROUP BY 1 HAVING sum(c.n) > 0 ORDER BY count DESC, key ASC`,
      [measure, ...filter.params],
    );
  }

  async revocationLeadTimeHoursP50(scope: Scope): Promise<number | null> {
    const buckets = (await this.buckets('revocation', scope)).sort((a, b) => Number(a.key) - Number(b.key));
    const count = buckets.reduce((sum, bucket) => sum + bucket.n, 0);
    if (count === 0) return null;
    const filter = scopeFilter('g', scope, 3);
    const seconds = await this.percentile(0.5, count, buckets, async ({ key, offset }) => {
      const [row] = await this.db.query(
        `SELECT g.revocation_lead_seconds AS value FROM identity_governance g
         WHERE g.known AND g.revocation_lead_seconds >= $1 AND g.revocation_lead_seconds < $2${filter.sql}
         ORDER BY g.revocation_lead_seconds OFFSET ${offset} LIMIT 1`,
        [Number(key) * 3600, (Number(key) + 1) * 3600, ...filter.params],
      );
      return Number(row?.value);
    });
    return seconds / 3600;
  }

  async exceptionCounts(scope: Scope, at: Date): Promise<{ expiring: number; expired: number }> {
    const until = addDays(at, this.config.EXPIRING_WITHIN_DAYS);
    const [from, to] = [dayKey(at), dayKey(until)];
    const approved = await this.buckets('approved', scope);
    const filter = scopeFilter('g', scope, 5);
    // The days the window starts and ends in, counted exceptions by exception.
    const [edge] = await this.db.query(
      `SELECT count(*)::int AS n FROM exception_facts e JOIN identity_governance g USING (identity_id)
       WHERE e.status = 'APPROVED' AND g.known
         AND ((e.expires_at > $1 AND e.expires_at < $2) OR (e.expires_at >= $3 AND e.expires_at <= $4))${filter.sql}`,
      [at, addDays(startOfDay(at), 1), startOfDay(until), until, ...filter.params],
    );
    const expired = sumBuckets(await this.buckets('expired_exceptions', scope), () => true);
    return { expiring: sumBuckets(approved, (day) => day > from && day < to) + Number(edge?.n ?? 0), expired };
  }

  async openFindings(scope: Scope): Promise<Array<{ category: string; count: number }>> {
    const buckets = await this.buckets('open_findings', scope);
    return FINDING_CATEGORIES.map((category) => ({ category, count: sumBuckets(buckets, (key) => key === category) }));
  }

  async asOf(scope: Scope): Promise<Date> {
    const filter = scopeFilter('g', scope, 1);
    const [row] = await this.db.query(
      `SELECT max(g.updated_at) AS as_of FROM identity_governance g WHERE g.known${filter.sql}`,
      filter.params,
    );
    return row?.as_of ? new Date(row.as_of) : new Date(0);
  }

  /** A measure's totals in scope, by bucket. */
  private async buckets(measure: string, scope: Scope): Promise<Bucket[]> {
    const filter = countsFilter(scope, 2);
    const rows: Array<{ key: string; n: string }> = await this.db.query(
      `SELECT c.bucket AS key, sum(c.n) AS n FROM governance_counts c WHERE c.measure = $1${filter.sql} GROUP BY 1`,
      [measure, ...filter.params],
    );
    return rows.map((row) => ({ key: row.key, n: Number(row.n) }));
  }

  /** The figures of the scope, or of each business unit in it, in name order (no group for a unit without live identities). */
  private async figureGroups(
    scope: Scope,
    at: Date,
    byBusinessUnit: boolean,
  ): Promise<Array<{ businessUnit: string | null; figures: GovernanceFigures; measures: Measures }>> {
    const group = byBusinessUnit ? 'c.business_unit' : 'NULL::text';
    const filter = countsFilter(scope, 2, { unit: byBusinessUnit });
    const rows: Array<{ business_unit: string | null; measure: string; key: string; n: string }> = await this.db.query(
      `SELECT ${group} AS business_unit, c.measure, c.bucket AS key, sum(c.n) AS n FROM governance_counts c
       WHERE c.measure = ANY($1)${filter.sql} GROUP BY 1, 2, 3 ORDER BY 1 NULLS LAST`,
      [FIGURE_MEASURES, ...filter.params],
    );
    const groups = new Map<string | null, Measures>();
    for (const row of rows) {
      const measures = groups.get(row.business_unit) ?? new Map<string, Bucket[]>();
      measures.set(row.measure, [...(measures.get(row.measure) ?? []), { key: row.key, n: Number(row.n) }]);
      groups.set(row.business_unit, measures);
    }
    const edges = await this.edges(scope, at, byBusinessUnit);
    return [...groups]
      .map(([businessUnit, measures]) => ({ businessUnit, measures, figures: this.toFigures(measures, at, edges.get(businessUnit)) }))
      .filter(({ figures }) => figures.totalIdentities > 0);
  }

  private toFigures(measures: Measures, at: Date, edges: Edges | undefined): GovernanceFigures {
    const total = (measure: string, test: (key: string) => boolean = () => true) => sumBuckets(measures.get(measure) ?? [], test);
    const today = dayKey(at);
    const attestedSince = dayKey(addDays(at, -this.config.ATTESTATION_WINDOW_DAYS));
    const owned = total('owned');
    const orphaned = total('orphaned');
    return {
      totalIdentities: total('identities'),
      owned,
      orphaned,
      unassigned: total('identities') - owned - orphaned,
      attested: total('attested', (day) => day > attestedSince) + (edges?.attested ?? 0),
      // Today's whole day, less those due later today: far fewer than today's when `at` is now.
      overdueRotations: total('overdue', (day) => day <= today) - (edges?.dueLaterToday ?? 0),
      managed: total('managed'),
      withSystem: total('with_system'),
      withPrivilegeLevel: total('with_privilege'),
      credentialAgeDaysP50: null,
      credentialAgeDaysP90: null,
      openExceptions: total('open_exceptions', (day) => day > today) + (edges?.openExceptions ?? 0),
      stalePendingExceptions: edges?.stalePending ?? 0,
      identitiesWithFindings: Object.fromEntries(
        FINDING_CATEGORIES.map((category) => [category, total('finding_identities', (key) => key === category)]),
      ),
    };
  }

  /**
   * What the daily totals cannot say: the identities and exceptions of the
   * day a window starts or ends in, on the right side of its exact time
   * (for overdue rotations, those due later on the day of `at`, which are
   * few when `at` is now, however many fell due earlier that day), and
   * requested exceptions pending past the pending window (few, and indexed).
   */
  private async edges(scope: Scope, at: Date, byBusinessUnit: boolean): Promise<Map<string | null, Edges>> {
    const group = byBusinessUnit ? 'g.business_unit' : 'NULL::text';
    const attestedFrom = addDays(at, -this.config.ATTESTATION_WINDOW_DAYS);
    const identityFilter = scopeFilter('g', scope, 5);
    const identityRows: Array<{ business_unit: string | null; attested: number; due_later: number }> = await this.db.query(
      `SELECT ${group} AS business_unit,
         count(*) FILTER (WHERE g.attested_at > $1 AND g.attested_at < $2)::int AS attested,
         count(*) FILTER (WHERE g.due_since > $3 AND g.due_since < $4)::int AS due_later
       FROM identity_governance g
       WHERE g.live AND ((g.attested_at > $1 AND g.attested_at < $2) OR (g.due_since > $3 AND g.due_since < $4))${identityFilter.sql}
       GROUP BY 1`,
      [attestedFrom, addDays(startOfDay(attestedFrom), 1), at, addDays(startOfDay(at), 1), ...identityFilter.params],
    );
    const exceptionFilter = scopeFilter('g', scope, 4);
    const exceptionRows: Array<{ business_unit: string | null; open: number; stale: number }> = await this.db.query(
      `SELECT ${group} AS business_unit,
         count(*) FILTER (WHERE e.status IN ('REQUESTED', 'APPROVED') AND e.expires_at > $1 AND e.expires_at < $2)::int AS open,
         count(*) FILTER (WHERE e.status = 'REQUESTED' AND e.expires_at > $1 AND e.requested_at < $3)::int AS stale
       FROM exception_facts e JOIN identity_governance g USING (identity_id)
       WHERE g.live AND ((e.expires_at > $1 AND e.expires_at < $2) OR (e.status = 'REQUESTED' AND e.requested_at < $3))${exceptionFilter.sql}
       GROUP BY 1`,
      [at, addDays(startOfDay(at), 1), addDays(at, -PENDING_WINDOW_DAYS), ...exceptionFilter.params],
    );
    const edges = new Map<string | null, Edges>();
    const edgesOf = (businessUnit: string | null) => {
      const found = edges.get(businessUnit) ?? { attested: 0, dueLaterToday: 0, openExceptions: 0, stalePending: 0 };
      edges.set(businessUnit, found);
      return found;
    };
    for (const row of identityRows) Object.assign(edgesOf(row.business_unit), { attested: row.attested, dueLaterToday: row.due_later });
    for (const row of exceptionRows) Object.assign(edgesOf(row.business_unit), { openExceptions: row.open, stalePending: row.stale });
    return edges;
  }

  /** The median and 90th percentile of credential age, in days to one decimal, from the daily totals of what ages are measured from. */
  private async agePercentiles(scope: Scope, at: Date, ageBuckets: readonly Bucket[]): Promise<[number | null, number | null]> {
    // Youngest first: the newest day first.
    const buckets = [...ageBuckets].sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
    const count = buckets.reduce((sum, bucket) => sum + bucket.n, 0);
    if (count === 0) return [null, null];
    const filter = scopeFilter('g', scope, 3);
    const ageAt = async ({ key, offset }: { key: string; offset: number }) => {
      const day = new Date(`${key}T00:00:00.000Z`);
      const [row] = await this.db.query(
        `SELECT g.age_base AS value FROM identity_governance g
         WHERE g.live AND g.age_base >= $1 AND g.age_base < $2${filter.sql}
         ORDER BY g.age_base DESC OFFSET ${offset} LIMIT 1`,
        [day, addDays(day, 1), ...filter.params],
      );
      return (at.getTime() - new Date(row?.value).getTime()) / DAY_MS;
    };
    const round = (days: number) => Math.round(days * 10) / 10;
    return [round(await this.percentile(0.5, count, buckets, ageAt)), round(await this.percentile(0.9, count, buckets, ageAt))];
  }

  /** percentile_cont over bucketed values, reading at most the two values it lies between. */
  private async percentile(
    p: number,
    count: number,
    buckets: readonly Bucket[],
    valueAt: (place: { key: string; offset: number }) => Promise<number>,
  ): Promise<number> {
    const { low, high, weight } = percentileRanks(p, count);
    const place = (rank: number) => {
      const found = locateRank(buckets, rank);
      if (!found) throw new Error(`rank ${rank} is past the ${count} counted values`);
      return found;
    };
    const lowValue = await valueAt(place(low));
    return weight === 0 ? lowValue : lowValue + weight * ((await valueAt(place(high))) - lowValue);
  }
}
