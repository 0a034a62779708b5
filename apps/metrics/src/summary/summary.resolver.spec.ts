import { SummaryResolver } from './summary.resolver';
import type { SummaryService } from './summary.service';

describe('SummaryResolver', () => {
  it('asks for the whole estate when no business unit is given, and for one when it is', async () => {
    const summary = jest.fn(async () => ({ totalIdentities: 0, byKind: [], byEnvironment: [], byProvider: [], asOf: new Date(0) }));
    const resolver = new SummaryResolver({ summary } as unknown as SummaryService);

    await resolver.governanceSummary(null as unknown as undefined);
    await resolver.governanceSummary('Payments');

    expect(summary.mock.calls).toEqual([[undefined], ['Payments']]);
  });
});
