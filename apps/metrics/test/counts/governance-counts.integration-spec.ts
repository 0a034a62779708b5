import { Client } from 'pg';
import type { EntityManager } from 'typeorm';
import { subgraphSpec } from '@nhi/testing';
import { GovernanceReader } from '../../src/governance/governance-reader';
import { GovernanceRecount } from '../../src/governance/governance-recount';
import { REFRESH_GOVERNANCE_SQL } from '../../src/counts/refresh-governance.sql';
import type { GovernanceReads, Scope } from '../../src/governance/scope';
import { loadMetricsConfig } from '../../src/metrics-config';
import { bootstrap } from '../../src/main';
import { publishAndApply, randomEstateEvents } from './random-estate-events';

const spec = subgraphSpec('metrics_counts', bootstrap);
const DAY_MS = 86_400_000;
const SEED = 20261203;

/** Everything the governance API reads, for a scope and a time, by one reader. */
async function everything(read: GovernanceReads, scope: Scope, at: Date) {
  const summary = await read.summary(scope, at);
  return {
    ...summary,
    // The figures on their own (frameworkCoverage) and within a summary are one and the same.
    figures: await read.figures(scope, at),
    summaryFigures: summary.figures,
  };
}

describe('running totals', () => {
  it('agree with a full recount after 10,000 random events about 800 identities, for every scope and time', async () => {
    // Midday, so that windows start and end inside a day and the day's edge is counted exactly.
    const now = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS + DAY_MS / 2);
    const times = [now, new Date(now.getTime() - 30.3 * DAY_MS), new Date(now.getTime() + 4.1 * DAY_MS)];
    const config = loadMetricsConfig({ ACTOR_SIGNING_KEY: 'x'.repeat(32) });
    // Where windows start and end: at, the attestation window, the expiring window, the pending window.
    const hotSpots = times.flatMap((at) =>
      [0, -config.ATTESTATION_WINDOW_DAYS, config.EXPIRING_WITHIN_DAYS, -7].map((days) => new Date(at.getTime() + days * DAY_MS)),
    );
    await publishAndApply(spec.subgraph, randomEstateEvents(SEED, 10_000, 800, now, hotSpots), SEED);

    const client = new Client({ connectionString: spec.subgraph.database.url });
    await client.connect();
    try {
      await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
      const db = { query: async (text: string, params?: unknown[]) => (await client.query(text, params)).rows } as unknown as Pick<
        EntityManager,
        'query'
      >;
      const [totals, recount] = [new GovernanceReader(db, config), new GovernanceRecount(db, config)];
      const scopes: Scope[] = [{}, { businessUnit: 'Payments' }, { businessUnit: 'Data' }, { kind: 'AI_AGENT' }, { businessUnit: 'Risk' }];
      const estate = await everything(recount, {}, now);
      // The mix is meant to leave something in every figure: a recount of zeros would prove nothing.
      expect(estate.figures).toMatchObject({
        totalIdentities: expect.any(Number),
        owned: expect.any(Number),
        attested: expect.any(Number),
        overdueRotations: expect.any(Number),
        openExceptions: expect.any(Number),
        stalePendingExceptions: expect.any(Number),
      });
      for (const figure of [
        'totalIdentities',
        'owned',
        'orphaned',
        'attested',
        'overdueRotations',
        'managed',
        'openExceptions',
        'stalePendingExceptions',
      ] as const) {
        expect([figure, estate.figures[figure]]).not.toEqual([figure, 0]);
      }
      expect(estate.exceptions.expiring).toBeGreaterThan(0);
      expect(estate.revocationLeadTimeHoursP50).not.toBeNull();
      await expect(totals.figures({ businessUnit: 'Risk', kind: 'API_KEY' }, now)).rejects.toThrow(/a business unit and a kind at once/);
      for (const at of times) {
        for (const scope of scopes) {
          const [fromTotals, recounted] = [await everything(totals, scope, at), await everything(recount, scope, at)];
          // One side interpolates in numeric, the other in double precision: equal to a millionth of an hour.
          if (recounted.revocationLeadTimeHoursP50 === null) expect(fromTotals.revocationLeadTimeHoursP50).toBeNull();
          else expect(fromTotals.revocationLeadTimeHoursP50).toBeCloseTo(recounted.revocationLeadTimeHoursP50, 6);
          expect({ scope, at, ...fromTotals, revocationLeadTimeHoursP50: 0 }).toEqual({
            scope,
            at,
            ...recounted,
            revocationLeadTimeHoursP50: 0,
          });
        }
        const withoutAges = (groups: Awaited<ReturnType<GovernanceReads['figuresByBusinessUnit']>>) =>
          groups.map(({ businessUnit, figures }) => ({
            businessUnit,
            figures: { ...figures, credentialAgeDaysP50: null, credentialAgeDaysP90: null },
          }));
        expect(withoutAges(await totals.figuresByBusinessUnit(at))).toEqual(withoutAges(await recount.figuresByBusinessUnit(at)));
      }
      await client.query('ROLLBACK');

      // What the migration does on a database that already holds facts: the totals counted afresh, all at once.
      await client.query('BEGIN');
      const read = async () => ({ estate: await totals.summary({}, now), units: await totals.figuresByBusinessUnit(now) });
      const before = await read();
      await client.query('DELETE FROM identity_governance');
      await client.query('DELETE FROM governance_counts');
      await client.query(REFRESH_GOVERNANCE_SQL, [null]);
      expect(await read()).toEqual(before);
    } finally {
      await client.query('ROLLBACK').catch(() => undefined);
      await client.end();
    }
  }, 180_000);
});
