import type { EntityManager } from 'typeorm';
import { addDays, dayKey, DAY_MS, locateRank, percentileRanks, startOfDay, sumBuckets, type Bucket } from '../counts/buckets';
import type { MetricsConfig } from '../metrics-config';
import { FINDING_CATEGORIES } from '@nhi/contracts';
import { emptyFigures, PENDING_WINDOW_DAYS, type GovernanceFigures } from './governance-figures';
import { countsFilter, scopeFilter, type GovernanceReads, type Scope, type ScopeSummary } from './scope';

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
/** What a summary reads besides: breakdowns, findings, exceptions, revocations. */
const SUMMARY_MEASURES = [...FIGURE_MEASURES, 'environment', 'provider', 'open_findings', 'approved', 'expired_exceptions', 'revocation'];

type Measures = Map<string, Bucket[]>;

interface Edges {
  attested: number;
  dueLaterToday: number;
  openExceptions: number;
  stalePending: number;
  expiring: number;
  asOf: Date | null;
}

const NO_EDGES: Edges = { attested: 0, dueLaterToday: 0, openExceptions: 0, stalePending: 0, expiring: 0, asOf: null };

/** Values to read from a rank of a bucketed column on: the percentile lookups of one statement. */
interface Lookup {
  column: 'age_base' | 'revocation_lead_seconds';
  from: Date | number;
  to: Date | number;
  offset: number;
  /** One, or two when the second rank is the next value of the same bucket. */
  limit: number;
}

/**
 * Reads the figures from the running totals (governance_counts), for a scope
 * and as of a time (ages and windows are measured from it), inside the
 * transaction it is given (GovernanceReadService.snapshot). A figure over a
 * time window sums whole days from the totals and counts, exactly, only the
 * rows of the day the window starts or ends in; a percentile walks the daily
 * totals to the day that holds it and reads its value there. A summary is
 * three statements (totals, edges, percentile values) of O(business units ×
 * kinds × days) rows, whatever the number of identities; GovernanceRecount
 * counts the same figures the slow way.
 */
export class GovernanceReader implements GovernanceReads {
  constructor(
    private readonly db: Pick<EntityManager, 'query'>,
    private readonly config: MetricsConfig,
  ) {}

  async figures(scope: Scope, at: Date): Promise<GovernanceFigures> {
    const [group] = await this.totals(scope, FIGURE_MEASURES, false);
    if (!group || sumBuckets(group.measures.get('identities') ?? [], () => true) === 0) return emptyFigures();
    const [edges] = [...(await this.edges(scope, at, false, false)).values()];
    const [p50, p90] = await this.values(scope, [...this.ageLookups(group.measures, at)]);
    return { ...this.toFigures(group.measures, at, edges ?? NO_EDGES), credentialAgeDaysP50: p50, credentialAgeDaysP90: p90 };
  }

  /** Each business unit's figures; credential-age percentiles are left out (null): adoption does not show them. */
  async figuresByBusinessUnit(at: Date): Promise<Array<{ businessUnit: string | null; figures: GovernanceFigures }>> {
    // Without the age totals: most of the rows, and only for percentiles, which adoption does not show.
    const groups = await this.totals(
      {},
      FIGURE_MEASURES.filter((measure) => measure !== 'age'),
      true,
    );
    const edges = await this.edges({}, at, true, false);
    return groups
      .map(({ businessUnit, measures }) => ({ businessUnit, figures: this.toFigures(measures, at, edges.get(businessUnit) ?? NO_EDGES) }))
      .filter(({ figures }) => figures.totalIdentities > 0);
  }

  async summary(scope: Scope, at: Date): Promise<ScopeSummary> {
    const [group] = await this.totals(scope, SUMMARY_MEASURES, false, true);
    const measures = group?.measures ?? new Map<string, Bucket[]>();
    const [edges = NO_EDGES] = [...(await this.edges(scope, at, false, true)).values()];
    const ages = this.ageLookups(measures, at);
    const revocation = this.revocationLookup(measures);
    const values = await this.values(scope, [...ages, revocation]);
    const live = sumBuckets(measures.get('identities') ?? [], () => true) > 0;
    const until = dayKey(addDays(at, this.config.EXPIRING_WITHIN_DAYS));
    const today = dayKey(at);
    const list = (measure: string) => (measures.get(measure) ?? []).map(({ key, n }) => ({ key, count: n }));
    return {
      figures: live
        ? { ...this.toFigures(measures, at, edges), credentialAgeDaysP50: values[0] ?? null, credentialAgeDaysP90: values[1] ?? null }
        : emptyFigures(),
      byKind: list('kind'),
      byEnvironment: list('environment'),
      byProvider: list('provider'),
      revocationLeadTimeHoursP50: values[2] ?? null,
      exceptions: {
        expiring: sumBuckets(measures.get('approved') ?? [], (day) => day > today && day < until) + edges.expiring,
        expired: sumBuckets(measures.get('expired_exceptions') ?? [], () => true),
      },
      openFindings: FINDING_CATEGORIES.map((category) => ({
        category,
        count: sumBuckets(measures.get('open_findings') ?? [], (key) => key === category),
      })),
      asOf: edges.asOf ?? new Date(0),
    };
  }

  /**
   * One statement: the totals of the measures in scope, per business unit or
   * not, in name order (identities without one last); with `kinds`, also the
   * live identities per kind (measure 'kind'). A breakdown (kind,
   * environment, provider) comes largest first, then by key. The rows of one
   * rollup level are already one per key: nothing is summed or sorted here
   * but the few business units and breakdown entries (sorting every row by
   * the database's collation cost more than reading them).
   */
  private async totals(
    scope: Scope,
    measureNames: readonly string[],
    byBusinessUnit: boolean,
    kinds = false,
  ): Promise<Array<{ businessUnit: string | null; measures: Measures }>> {
    const filter = countsFilter(scope, 2, { unit: byBusinessUnit });
    const byKind = kinds
      ? `UNION ALL SELECT NULL::text, 'kind', c.kind, c.n FROM governance_counts c
         WHERE c.measure = 'identities'${countsFilter(scope, 2, { kind: true }).sql}`
      : '';
    const rows: Array<{
      business_unit: string | null;
      measure: string;
      key: string;
      n: string;
      unit_rank: string;
      list_rank: string | null;
    }> = await this.db.query(
      `WITH t AS (
           SELECT ${byBusinessUnit ? 'c.business_unit' : 'NULL::text'} AS business_unit, c.measure, c.bucket AS key, c.n
           FROM governance_counts c WHERE c.measure = ANY($1)${filter.sql}
           ${byKind}),
         units AS (
           SELECT business_unit, row_number() OVER (ORDER BY business_unit NULLS LAST) AS unit_rank FROM (SELECT DISTINCT business_unit FROM t) d),
         lists AS (
           SELECT measure, key, row_number() OVER (PARTITION BY measure ORDER BY n DESC, key) AS list_rank
           FROM t WHERE measure IN ('kind', 'environment', 'provider') AND n > 0)
         SELECT t.business_unit, t.measure, t.key, t.n, u.unit_rank, l.list_rank
         FROM t JOIN units u ON u.business_unit IS NOT DISTINCT FROM t.business_unit
         LEFT JOIN lists l ON l.measure = t.measure AND l.key = t.key`,
      [measureNames, ...filter.params],
    );
    const groups = new Map<string | null, { rank: number; measures: Measures }>();
    for (const row of rows) {
      const group = groups.get(row.business_unit) ?? { rank: Number(row.unit_rank), measures: new Map<string, Bucket[]>() };
      const buckets = group.measures.get(row.measure) ?? [];
      buckets.push({ key: row.key, n: Number(row.n), ...(row.list_rank === null ? {} : { rank: Number(row.list_rank) }) });
      group.measures.set(row.measure, buckets);
      groups.set(row.business_unit, group);
    }
    for (const { measures } of groups.values()) {
      for (const list of ['kind', 'environment', 'provider']) {
        measures.set(
          list,
          (measures.get(list) ?? []).filter((b) => b.rank !== undefined).sort((a, b) => (a.rank ?? 0) - (b.rank ?? 0)),
        );
      }
    }
    return [...groups].sort(([, a], [, b]) => a.rank - b.rank).map(([businessUnit, { measures }]) => ({ businessUnit, measures }));
  }

  private toFigures(measures: Measures, at: Date, edges: Edges): GovernanceFigures {
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
      attested: total('attested', (day) => day > attestedSince) + edges.attested,
      // Today's whole day, less those due later today: far fewer than today's when `at` is now.
      overdueRotations: total('overdue', (day) => day <= today) - edges.dueLaterToday,
      managed: total('managed'),
      withSystem: total('with_system'),
      withPrivilegeLevel: total('with_privilege'),
      credentialAgeDaysP50: null,
      credentialAgeDaysP90: null,
      openExceptions: total('open_exceptions', (day) => day > today) + edges.openExceptions,
      stalePendingExceptions: edges.stalePending,
      identitiesWithFindings: Object.fromEntries(
        FINDING_CATEGORIES.map((category) => [category, total('finding_identities', (key) => key === category)]),
      ),
    };
  }

  /**
   * One statement for what the daily totals cannot say: the identities and
   * exceptions of the day a window starts or ends in, on the right side of
   * its exact time (for overdue rotations, those due later on the day of
   * `at`, which are few when `at` is now, however many fell due earlier that
   * day), and requested exceptions pending past the pending window (few, and
   * indexed). With `summary`, also approved exceptions at the edges of the
   * expiring window, and the newest event time in scope.
   */
  private async edges(scope: Scope, at: Date, byBusinessUnit: boolean, summary: boolean): Promise<Map<string | null, Edges>> {
    const filter = scopeFilter('g', scope, 1);
    const group = byBusinessUnit ? 'g.business_unit' : 'NULL::text';
    const n = filter.params.length;
    const attestedFrom = addDays(at, -this.config.ATTESTATION_WINDOW_DAYS);
    const until = addDays(at, this.config.EXPIRING_WITHIN_DAYS);
    const params: unknown[] = [
      ...filter.params,
      attestedFrom,
      addDays(startOfDay(attestedFrom), 1),
      at,
      addDays(startOfDay(at), 1),
      addDays(at, -PENDING_WINDOW_DAYS),
      ...(summary ? [startOfDay(until), until] : []),
    ];
    const [attestedAfter, attestedBefore, atTime, endOfToday, pendingBefore, untilDay, untilTime] = [1, 2, 3, 4, 5, 6, 7].map(
      (i) => `$${n + i}`,
    );
    const attested = `g.attested_at > ${attestedAfter} AND g.attested_at < ${attestedBefore}`;
    const dueLater = `g.due_since > ${atTime} AND g.due_since < ${endOfToday}`;
    const openEdge = `e.status IN ('REQUESTED', 'APPROVED') AND e.expires_at > ${atTime} AND e.expires_at < ${endOfToday}`;
    const stale = `e.status = 'REQUESTED' AND e.expires_at > ${atTime} AND e.requested_at < ${pendingBefore}`;
    const parts = [
      `SELECT 'identity' AS part, ${group} AS business_unit, count(*) FILTER (WHERE ${attested})::int AS a,
         count(*) FILTER (WHERE ${dueLater})::int AS b, NULL::timestamptz AS t
       FROM identity_governance g WHERE g.live AND ((${attested}) OR (${dueLater}))${filter.sql} GROUP BY 2`,
      `SELECT 'exception', ${group}, count(*) FILTER (WHERE ${openEdge})::int, count(*) FILTER (WHERE ${stale})::int, NULL
       FROM exception_facts e JOIN identity_governance g USING (identity_id)
       WHERE g.live AND ((${openEdge}) OR (${stale}))${filter.sql} GROUP BY 2`,
    ];
    if (summary) {
      parts.push(
        `SELECT 'expiring', NULL, count(*)::int, 0, NULL FROM exception_facts e JOIN identity_governance g USING (identity_id)
         WHERE e.status = 'APPROVED' AND g.known AND ((e.expires_at > ${atTime} AND e.expires_at < ${endOfToday})
           OR (e.expires_at >= ${untilDay} AND e.expires_at <= ${untilTime}))${filter.sql}`,
        `SELECT 'as_of', NULL, 0, 0, max(g.updated_at) FROM identity_governance g WHERE g.known${filter.sql}`,
      );
    }
    const rows: Array<{ part: string; business_unit: string | null; a: number; b: number; t: Date | null }> = await this.db.query(
      parts.join('\nUNION ALL\n'),
      params,
    );
    const edges = new Map<string | null, Edges>();
    for (const row of rows) {
      const found = edges.get(row.business_unit) ?? { ...NO_EDGES };
      if (row.part === 'identity') Object.assign(found, { attested: row.a, dueLaterToday: row.b });
      if (row.part === 'exception') Object.assign(found, { openExceptions: row.a, stalePending: row.b });
      if (row.part === 'expiring') found.expiring = row.a;
      if (row.part === 'as_of') found.asOf = row.t ? new Date(row.t) : null;
      edges.set(row.business_unit, found);
    }
    return edges;
  }

  /**
   * The lookups of the median and 90th percentile of credential age, in days,
   * from the daily totals of what ages are measured from (youngest first:
   * the newest day first). Each percentile lies between two values, which
   * `values` reads and interpolates.
   */
  private ageLookups(measures: Measures, at: Date): PercentileLookup[] {
    const buckets = [...(measures.get('age') ?? [])].sort((a, b) => (a.key < b.key ? 1 : a.key > b.key ? -1 : 0));
    const days = (key: string) => new Date(`${key}T00:00:00.000Z`);
    return [0.5, 0.9].map((p) =>
      percentileLookup(
        p,
        buckets,
        (key, offset, limit) => ({ column: 'age_base', from: days(key), to: addDays(days(key), 1), offset, limit }),
        (epochSeconds) => (at.getTime() - Number(epochSeconds) * 1000) / DAY_MS,
      ),
    );
  }

  /** The lookup of the median revocation lead time, in hours, from its totals by whole hour. */
  private revocationLookup(measures: Measures): PercentileLookup {
    const buckets = [...(measures.get('revocation') ?? [])].sort((a, b) => Number(a.key) - Number(b.key));
    return percentileLookup(
      0.5,
      buckets,
      (key, offset, limit) => ({
        column: 'revocation_lead_seconds',
        from: Number(key) * 3600,
        to: (Number(key) + 1) * 3600,
        offset,
        limit,
      }),
      (seconds) => Number(seconds) / 3600,
      false,
    );
  }

  /** One statement reading every value the percentiles need; each percentile interpolated (null without values). */
  private async values(scope: Scope, percentiles: readonly PercentileLookup[]): Promise<Array<number | null>> {
    const lookups = percentiles.flatMap((p) => p.lookups);
    if (lookups.length === 0) return percentiles.map(() => null);
    const filter = scopeFilter('g', scope, 1);
    const params: unknown[] = [...filter.params];
    const columns = lookups.map(({ column, from, to, offset, limit }, i) => {
      params.push(from, to);
      const [low, high] = [`$${params.length - 1}`, `$${params.length}`];
      // Ages from the newest day down; an instant as epoch seconds, which text carries exactly.
      const [which, order, value] =
        column === 'age_base' ? ['g.live', 'DESC', 'extract(epoch FROM g.age_base)'] : ['g.known', 'ASC', `g.${column}`];
      return `ARRAY(SELECT (${value})::text FROM identity_governance g WHERE ${which} AND g.${column} >= ${low} AND g.${column} < ${high}${filter.sql}
               ORDER BY g.${column} ${order} OFFSET ${offset} LIMIT ${limit}) AS v${i}`;
    });
    const [row] = await this.db.query(`SELECT ${columns.join(', ')}`, params);
    let next = 0;
    return percentiles.map((p) => {
      const found = p.lookups.flatMap(() => (row?.[`v${next++}`] as string[] | undefined) ?? []);
      return p.combine(found);
    });
  }
}

interface PercentileLookup {
  lookups: Lookup[];
  combine(values: ReadonlyArray<string | null>): number | null;
}

/**
 * percentile_cont over bucketed values: the (one or two) ranks it lies
 * between, where to read them, and how to interpolate what was read. Values
 * are read as text and converted by `convert` (a timestamp to days, seconds
 * to hours); `rounded` results are rounded to one decimal after
 * interpolation (ages), like the figures always were.
 */
function percentileLookup(
  p: number,
  buckets: readonly Bucket[],
  place: (key: string, offset: number, limit: number) => Lookup,
  convert: (value: string) => number,
  rounded = true,
): PercentileLookup {
  const count = buckets.reduce((sum, bucket) => sum + bucket.n, 0);
  if (count === 0) return { lookups: [], combine: () => null };
  const { low, high, weight } = percentileRanks(p, count);
  const at = (rank: number) => {
    const found = locateRank(buckets, rank);
    if (!found) throw new Error(`rank ${rank} is past the ${count} counted values`);
    return found;
  };
  const first = at(low);
  const second = weight === 0 ? null : at(high);
  const lookups =
    second === null
      ? [place(first.key, first.offset, 1)]
      : second.key === first.key
        ? [place(first.key, first.offset, 2)]
        : [place(first.key, first.offset, 1), place(second.key, second.offset, 1)];
  const wanted = second === null ? 1 : 2;
  return {
    lookups,
    combine: (values) => {
      if (values.length < wanted) return null;
      const [first, second] = values.map((value) => convert(String(value)));
      const value = second === undefined ? (first ?? null) : (first ?? 0) + weight * (second - (first ?? 0));
      return value === null || !rounded ? value : Math.round(value * 10) / 10;
    },
  };
}
