import { toIngestLine } from './ingest-line';

const role = { provider: 'aws', externalId: 'arn:aws:iam::111122223333:role/ci', kind: 'aws iam role', name: 'ci' };

describe('toIngestLine', () => {
  it('sends "never used" as neverUsed, because an absent lastUsedAt only says nothing is known', () => {
    expect(JSON.parse(toIngestLine({ ...role, lastUsedAt: null }))).toEqual({ ...role, neverUsed: true });
  });

  it('sends a known last use, or none, as it is', () => {
    expect(JSON.parse(toIngestLine({ ...role, lastUsedAt: '2019-03-01T00:00:00Z' }))).toEqual({
      ...role,
      lastUsedAt: '2019-03-01T00:00:00Z',
    });
    expect(JSON.parse(toIngestLine(role))).toEqual(role);
  });
});
