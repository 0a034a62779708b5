import type { EntityManager } from 'typeorm';
import { PlannerStatistics } from './planner-statistics';

function fakeManager(tableRows: () => number) {
  const statements: string[] = [];
  const manager = {
    query: async (sql: string) => {
      statements.push(sql);
      return sql.startsWith('SELECT') ? [{ estimate: String(tableRows()) }] : [];
    },
  } as unknown as EntityManager;
  return { manager, statements };
}

describe('PlannerStatistics', () => {
  it('analyzes once enough rows changed, then again only after the table grew by the fraction', async () => {
    let tableRows = 0;
    const { manager, statements } = fakeManager(() => tableRows);
    const statistics = new PlannerStatistics({ tables: ['identities', 'identity_sightings'], minChangedRows: 1000, growthFraction: 0.5 });

    statistics.recordChanges(999);
    expect(await statistics.refreshIfDue(manager)).toBe(false);
    statistics.recordChanges(1);
    tableRows = 10_000;
    expect(await statistics.refreshIfDue(manager)).toBe(true);
    expect(statements[0]).toBe('ANALYZE "identities", "identity_sightings"');

    statistics.recordChanges(4_999);
    expect(await statistics.refreshIfDue(manager)).toBe(false);
    statistics.recordChanges(1);
    expect(await statistics.refreshIfDue(manager)).toBe(true);
  });
});
